package dev.trader.marketdata.tick;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.AggressorSide;
import dev.trader.domain.market.Trade;
import dev.trader.domain.money.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tardis.dev {@code trades} CSV export (gzipped or not): {@value #HEADER}, timestamps in
 * microseconds, {@code side} the aggressor's ({@code buy}, {@code sell}, or {@code unknown}). The
 * instrument is {@code exchange:symbol}; the time is the exchange's {@code timestamp}. Strict, like
 * {@link TardisQuotesReader}; a zero amount is refused too (no trade trades nothing).
 */
public final class TardisTradesReader {
    public static final String HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    private TardisTradesReader() {
    }

    public static List<Trade> read(Path file) {
        List<Trade> out = new ArrayList<>();
        try (TickFileLines lines = TickFileLines.open(file)) {
            TardisCsv.header(lines, HEADER);
            Instant previous = null;
            for (String row = lines.next(); row != null; row = lines.next()) {
                String[] c = TardisCsv.cells(lines, row, 8);
                InstrumentId instrument = TardisQuotesReader.instrument(lines, c[0], c[1]);
                Instant time = TardisCsv.micros(lines, c[2], "timestamp");
                TardisCsv.micros(lines, c[3], "local_timestamp");
                TradeId id;
                try {
                    id = new TradeId(c[4]);
                } catch (IllegalArgumentException e) {
                    throw lines.malformed("id: " + e.getMessage());
                }
                AggressorSide side = switch (c[5]) {
                    case "buy" -> AggressorSide.BUYER;
                    case "sell" -> AggressorSide.SELLER;
                    case "unknown" -> AggressorSide.UNKNOWN;
                    default -> throw lines.malformed("side '" + c[5] + "' is not buy, sell or unknown");
                };
                Quantity amount = TardisCsv.quantity(lines, c[7], "amount");
                if (amount.isZero()) {
                    throw lines.malformed("amount is zero");
                }
                TardisCsv.notBefore(lines, time, previous);
                previous = time;
                out.add(new Trade(instrument, id, time, TardisCsv.price(lines, c[6], "price"), amount, side));
            }
        }
        return out;
    }
}
