package dev.trader.marketdata.tick;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Quote;
import dev.trader.domain.money.Price;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tardis.dev {@code quotes} CSV export (top of book, gzipped or not):
 * {@value #HEADER}, timestamps in microseconds. The instrument is {@code exchange:symbol}
 * ({@code binance-futures:BTCUSDT}); the time is the exchange's {@code timestamp}, not the
 * recorder's {@code local_timestamp}. Strict: a wrong header, a missing or unparsable cell, a crossed
 * book or a row earlier than the one before refuses the file, naming the line.
 */
public final class TardisQuotesReader {
    public static final String HEADER = "exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount";

    private TardisQuotesReader() {
    }

    public static List<Quote> read(Path file) {
        List<Quote> out = new ArrayList<>();
        try (TickFileLines lines = TickFileLines.open(file)) {
            TardisCsv.header(lines, HEADER);
            Instant previous = null;
            for (String row = lines.next(); row != null; row = lines.next()) {
                String[] c = TardisCsv.cells(lines, row, 8);
                InstrumentId instrument = instrument(lines, c[0], c[1]);
                Instant time = TardisCsv.micros(lines, c[2], "timestamp");
                TardisCsv.micros(lines, c[3], "local_timestamp");
                TardisCsv.quantity(lines, c[4], "ask_amount");
                Price ask = TardisCsv.price(lines, c[5], "ask_price");
                Price bid = TardisCsv.price(lines, c[6], "bid_price");
                TardisCsv.quantity(lines, c[7], "bid_amount");
                if (ask.compareTo(bid) < 0) {
                    throw lines.malformed("crossed book: ask_price " + ask + " is below bid_price " + bid);
                }
                TardisCsv.notBefore(lines, time, previous);
                previous = time;
                out.add(new Quote(instrument, time, bid, ask));
            }
        }
        return out;
    }

    static InstrumentId instrument(TickFileLines lines, String exchange, String symbol) {
        try {
            return new InstrumentId(exchange, symbol);
        } catch (IllegalArgumentException e) {
            throw lines.malformed("exchange/symbol: " + e.getMessage());
        }
    }
}
