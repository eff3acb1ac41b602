package dev.trader.marketdata.tick;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.AggressorSide;
import dev.trader.domain.market.Quote;
import dev.trader.domain.market.Trade;
import dev.trader.marketdata.binance.BinanceEvent;
import dev.trader.marketdata.binance.BinanceFrameParser;
import dev.trader.marketdata.binance.FrameRejected;
import dev.trader.marketdata.file.MarketFileName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recording of Binance WebSocket frames, one per line: {@code local_receive_ns <space> frame}
 * (the {@code ticks/*.jsonl.gz} files), read through {@link BinanceFrameParser}: the
 * {@code @bookTicker} frames become {@link Quote}s, the {@code @trade} frames {@link Trade}s, in the
 * order they were received; depth, kline and snapshot frames are read (and must parse) but not kept.
 *
 * <p>Spot and USDT-M futures frames differ, and the recording says which it is: futures
 * {@code @bookTicker} frames carry an event time and futures depth diffs a {@code pu}; spot sends
 * neither. The instruments are {@code binance:SYMBOL} for spot (the venue the candle files use) and
 * {@code binance-futures:SYMBOL} for futures (tardis.dev's name for the same market), so futures
 * figures never mix with spot ones.
 *
 * <p>Times: a trade's is its trade time {@code T}; a quote's is its event time {@code E} on
 * futures, and on spot, which sends none, the recorder's receive time (its clock was about a
 * second behind Binance's in the bundled recordings: enough to move nothing but a quote in the
 * last second before a session boundary).
 *
 * @param venue  {@value #SPOT} or {@value #FUTURES}
 * @param frames every line read
 */
public record BinanceFrameRecording(Path file, String venue, long frames, List<Quote> quotes, List<Trade> trades) {
    public static final String SPOT = MarketFileName.VENUE;
    public static final String FUTURES = "binance-futures";

    public BinanceFrameRecording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(venue, "venue");
        quotes = List.copyOf(quotes);
        trades = List.copyOf(trades);
    }

    /** Reads {@code file}; any line that is not {@code <digits> <frame>} or whose frame the parser refuses refuses the file. */
    public static BinanceFrameRecording read(Path file) {
        BinanceFrameParser parser = new BinanceFrameParser();
        List<Received<BinanceEvent.BookTicker>> tickers = new ArrayList<>();
        List<BinanceEvent.Trade> trades = new ArrayList<>();
        MarketKind kind = new MarketKind();
        long frames = 0;
        try (TickFileLines lines = TickFileLines.open(file)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isEmpty()) {
                    throw lines.malformed("empty line");
                }
                frames++;
                int space = line.indexOf(' ');
                if (space <= 0) {
                    throw lines.malformed("expected '<local_receive_ns> <frame>'");
                }
                Instant received = receiveTime(lines, line.substring(0, space));
                BinanceEvent event;
                try {
                    event = parser.parse(line.substring(space + 1));
                } catch (FrameRejected e) {
                    throw lines.malformed("frame refused: " + e.getMessage());
                }
                if (event instanceof BinanceEvent.BookTicker t) {
                    kind.saw(lines, t.eventTime() != null, "a @bookTicker frame " + (t.eventTime() != null ? "with" : "without") + " an event time");
                    if (t.askPrice().compareTo(t.bidPrice()) < 0) {
                        // the parser checks each price, not the pair; a crossed top of book is no quote
                        throw lines.malformed("crossed @bookTicker: ask " + t.askPrice() + " is below bid " + t.bidPrice());
                    }
                    tickers.add(new Received<>(t, received));
                } else if (event instanceof BinanceEvent.DepthUpdate d) {
                    kind.saw(lines, d.previousFinalUpdateId() != null, "a depth diff " + (d.previousFinalUpdateId() != null ? "with" : "without") + " 'pu'");
                } else if (event instanceof BinanceEvent.Trade t) {
                    trades.add(t);
                }
            }
            if (kind.futures == null && (!tickers.isEmpty() || !trades.isEmpty())) {
                throw lines.malformed("no @bookTicker or depth frame tells whether the recording is spot or futures");
            }
        }
        String venue = Boolean.TRUE.equals(kind.futures) ? FUTURES : SPOT;
        List<Quote> quotes = new ArrayList<>(tickers.size());
        for (Received<BinanceEvent.BookTicker> r : tickers) {
            BinanceEvent.BookTicker t = r.event();
            Instant time = t.eventTime() != null ? t.eventTime() : r.at();
            quotes.add(new Quote(new InstrumentId(venue, t.symbol()), time, t.bidPrice(), t.askPrice()));
        }
        List<Trade> out = new ArrayList<>(trades.size());
        for (BinanceEvent.Trade t : trades) {
            out.add(new Trade(new InstrumentId(venue, t.symbol()), new TradeId(Long.toString(t.tradeId())), t.tradeTime(), t.price(), t.quantity(),
                    t.buyerIsMaker() ? AggressorSide.SELLER : AggressorSide.BUYER));
        }
        return new BinanceFrameRecording(file, venue, frames, quotes, out);
    }

    private static Instant receiveTime(TickFileLines lines, String digits) {
        long ns;
        try {
            ns = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw lines.malformed("local_receive_ns '" + digits + "' is not an integer");
        }
        if (ns < 0) {
            throw lines.malformed("local_receive_ns " + ns + " is before 1970");
        }
        return Instant.ofEpochSecond(0, ns);
    }

    private record Received<E>(E event, Instant at) {
    }

    /** What the frames so far say the market is: null until one tells. */
    private static final class MarketKind {
        Boolean futures;

        void saw(TickFileLines lines, boolean futuresFrame, String what) {
            if (futures != null && futures != futuresFrame) {
                throw lines.malformed(what + " in a recording whose earlier frames are " + (futures ? "futures" : "spot"));
            }
            futures = futuresFrame;
        }
    }
}
