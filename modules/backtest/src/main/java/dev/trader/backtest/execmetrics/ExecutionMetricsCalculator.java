package dev.trader.backtest.execmetrics;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.MalformedDataFileException;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.file.MarketFileReader;
import dev.trader.marketdata.file.RawRow;
import dev.trader.marketdata.file.RowReader;
import dev.trader.marketdata.tick.BinanceFrameRecording;
import dev.trader.marketdata.tick.TardisQuotesReader;
import dev.trader.marketdata.tick.TardisTradesReader;
import dev.trader.marketdata.validation.BarValidator;
import dev.trader.strategy.session.SessionClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures execution costs from files, one at a time ({@code addQuotes}, {@code addTrades},
 * {@code addFrames}, {@code addBars}), then sums them up per symbol and session ({@link #result}).
 *
 * <ul>
 *   <li>spread: {@link QuotedSpread} over the quotes of tardis quote files and of the
 *       {@code @bookTicker} frames of recordings;</li>
 *   <li>slippage: {@link TakerSweep} over the trades of tardis trade files and of the
 *       {@code @trade} frames, or {@link BarGap} over 1m bars. One estimator per symbol, for all
 *       its sessions, so that sessions compare like with like: the taker sweep (the direct
 *       measurement) when it has {@value SessionTakerCosts#MIN_OBSERVATIONS} orders in every
 *       session or the symbol has no bars, else the bar gap. The file says which
 *       ({@link BpsStats#method()}) and notes what the other one had and why it was not used.</li>
 * </ul>
 *
 * Every observation is filed under the {@link ExecutionSession} of its time on the strategy
 * module's default {@link SessionClock}. Any malformed line refuses its file
 * ({@link MalformedDataFileException}); nothing is skipped silently.
 */
public final class ExecutionMetricsCalculator {
    private final SessionClock clock;
    private final Map<String, Samples> bySymbol = new TreeMap<>();
    private final List<SourceFile> sources = new ArrayList<>();

    public ExecutionMetricsCalculator() {
        this(SessionClock.defaults());
    }

    public ExecutionMetricsCalculator(SessionClock clock) {
        this.clock = clock;
    }

    /** A tardis.dev quotes CSV: the spread of each quote. */
    public SourceFile addQuotes(Path file) {
        var quotes = TardisQuotesReader.read(file);
        long used = QuotedSpread.measure(quotes, into(Kind.SPREAD));
        return source(SourceFile.QUOTES, file, quotes.size(), used);
    }

    /** A tardis.dev trades CSV: the slippage of each taker order. */
    public SourceFile addTrades(Path file) {
        var trades = TardisTradesReader.read(file);
        long used = TakerSweep.measure(trades, into(Kind.SWEEP));
        return source(SourceFile.TRADES, file, trades.size(), used);
    }

    /** A recording of Binance frames: the spread of each {@code @bookTicker}, the slippage of each taker order on {@code @trade}. */
    public SourceFile addFrames(Path file) {
        BinanceFrameRecording r = BinanceFrameRecording.read(file);
        long used = QuotedSpread.measure(r.quotes(), into(Kind.SPREAD)) + TakerSweep.measure(r.trades(), into(Kind.SWEEP));
        return source(SourceFile.FRAMES, file, r.frames(), used);
    }

    /**
     * A file of 1m candles (any layout the candle readers know, the instrument from its name): the
     * gap of each bar after the one before. Unlike a backtest, which leaves a bad row out and counts
     * it, a row the validation rejects refuses the file, naming it.
     */
    public SourceFile addBars(Path file) {
        MarketFileName name = MarketFileName.of(file);
        if (name.timeframe() != Timeframe.M1) {
            throw new IllegalArgumentException(file + ": execution metrics are measured from 1m bars, not " + name.timeframe().label());
        }
        BarValidator validator = new BarValidator(String.valueOf(file.getFileName()), name.instrument(), name.timeframe());
        BarGap gap = new BarGap();
        Observations out = into(Kind.BAR_GAP);
        long used = 0;
        try (RowReader reader = MarketFileReader.open(file)) {
            for (Optional<RawRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                for (FeedItem item : validator.check(row.get())) {
                    if (item instanceof Rejection r) {
                        throw new MalformedDataFileException(file, r.line(), r.reason() + ": " + r.detail());
                    }
                    if (item instanceof BarItem b && gap.next(b.bar(), out)) {
                        used++;
                    }
                }
            }
        } catch (IOException e) {
            throw MarketDataFileException.of(file, e);
        }
        IngestReport report = validator.report();
        return source(SourceFile.BARS, file, report.rowsRead(), used);
    }

    private SourceFile source(String kind, Path file, long rows, long used) {
        SourceFile s = new SourceFile(kind, String.valueOf(file.getFileName()), Sha256.of(file), rows, used);
        sources.add(s);
        return s;
    }

    private Observations into(Kind kind) {
        return (InstrumentId instrument, Instant time, BigDecimal bps) ->
                bySymbol.computeIfAbsent(instrument.value(), k -> new Samples()).of(kind, ExecutionSession.of(clock, time)).add(bps);
    }

    /** The figures so far, dated {@code created}. */
    public ExecutionMetrics result(LocalDate created) {
        Map<String, SymbolMetrics> symbols = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        bySymbol.forEach((id, samples) -> symbols.put(id, samples.metrics(id, notes)));
        return new ExecutionMetrics(ExecutionMetrics.VERSION, created, sources, notes, symbols);
    }

    private enum Kind { SPREAD, SWEEP, BAR_GAP }

    /** One symbol's observations per estimator and session. */
    private static final class Samples {
        private final Map<Kind, Map<ExecutionSession, BpsSample>> byKind = new EnumMap<>(Kind.class);

        Samples() {
            for (Kind k : Kind.values()) {
                Map<ExecutionSession, BpsSample> m = new EnumMap<>(ExecutionSession.class);
                for (ExecutionSession s : ExecutionSession.values()) {
                    m.put(s, new BpsSample());
                }
                byKind.put(k, m);
            }
        }

        BpsSample of(Kind kind, ExecutionSession session) {
            return byKind.get(kind).get(session);
        }

        SymbolMetrics metrics(String id, List<String> notes) {
            boolean sweepEverywhere = true;
            for (ExecutionSession s : ExecutionSession.values()) {
                sweepEverywhere &= of(Kind.SWEEP, s).size() >= SessionTakerCosts.MIN_OBSERVATIONS;
            }
            boolean sweep = sweepEverywhere || total(Kind.BAR_GAP) == 0;
            Kind slippage = sweep ? Kind.SWEEP : Kind.BAR_GAP;
            Kind unused = sweep ? Kind.BAR_GAP : Kind.SWEEP;
            if (total(unused) > 0) {
                notes.add(id + ": slippage by " + method(slippage) + " in every session; " + method(unused) + " had " + counts(unused)
                        + " and is not used (" + (sweep ? "the taker sweep measures directly and covers every session"
                        : "the taker sweep has fewer than " + SessionTakerCosts.MIN_OBSERVATIONS + " orders in some session") + ")");
            }
            Map<ExecutionSession, CellMetrics> cells = new EnumMap<>(ExecutionSession.class);
            BpsSample allSpread = new BpsSample();
            BpsSample allSlippage = new BpsSample();
            for (ExecutionSession s : ExecutionSession.values()) {
                cells.put(s, new CellMetrics(of(Kind.SPREAD, s).stats(BpsStats.QUOTES), of(slippage, s).stats(method(slippage))));
                allSpread.addAll(of(Kind.SPREAD, s));
                allSlippage.addAll(of(slippage, s));
            }
            return new SymbolMetrics(cells, new CellMetrics(allSpread.stats(BpsStats.QUOTES), allSlippage.stats(method(slippage))));
        }

        private long total(Kind kind) {
            long n = 0;
            for (ExecutionSession s : ExecutionSession.values()) {
                n += of(kind, s).size();
            }
            return n;
        }

        /** {@code 3241 observations (asia 15, london 0, new_york 0, outside 3226)}. */
        private String counts(Kind kind) {
            StringBuilder b = new StringBuilder().append(total(kind)).append(" observations (");
            for (ExecutionSession s : ExecutionSession.values()) {
                b.append(s.ordinal() == 0 ? "" : ", ").append(s.key()).append(' ').append(of(kind, s).size());
            }
            return b.append(')').toString();
        }

        private static String method(Kind kind) {
            return kind == Kind.SWEEP ? BpsStats.TAKER_SWEEP : BpsStats.BAR_GAP;
        }
    }
}
