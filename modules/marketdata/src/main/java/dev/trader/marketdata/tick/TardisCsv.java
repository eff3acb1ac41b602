package dev.trader.marketdata.tick;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The cell rules tardis.dev's CSV exports share: timestamps in microseconds since the epoch, plain decimals. */
final class TardisCsv {
    private TardisCsv() {
    }

    /** Splits a row, insisting on exactly {@code columns} cells. */
    static String[] cells(TickFileLines lines, String row, int columns) {
        String[] c = row.split(",", -1);
        if (c.length != columns) {
            throw lines.malformed(columns + " columns expected but found " + c.length);
        }
        return c;
    }

    static void header(TickFileLines lines, String expected) {
        String header = lines.next();
        if (header == null) {
            throw lines.malformed("empty file; expected the header " + expected);
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.equals(expected)) {
            throw lines.malformed("expected the header " + expected + " but found " + header);
        }
    }

    static Instant micros(TickFileLines lines, String cell, String column) {
        long us;
        try {
            us = Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw lines.malformed(column + " '" + cell + "' is not an integer number of microseconds");
        }
        if (us < 0) {
            throw lines.malformed(column + " " + cell + " is before 1970");
        }
        return Instant.EPOCH.plus(us, ChronoUnit.MICROS);
    }

    static Price price(TickFileLines lines, String cell, String column) {
        Price p;
        try {
            p = Price.of(cell);
        } catch (RuntimeException e) {
            throw lines.malformed(column + " '" + cell + "' is not a decimal price: " + e.getMessage());
        }
        if (!p.isPositive()) {
            throw lines.malformed(column + " " + cell + " is not positive");
        }
        return p;
    }

    static Quantity quantity(TickFileLines lines, String cell, String column) {
        try {
            return Quantity.of(cell);
        } catch (RuntimeException e) {
            throw lines.malformed(column + " '" + cell + "' is not a non-negative decimal quantity: " + e.getMessage());
        }
    }

    /** Rows must not go back in time: the readers' users rely on the file's order. */
    static void notBefore(TickFileLines lines, Instant time, Instant previous) {
        if (previous != null && time.isBefore(previous)) {
            throw lines.malformed("timestamp " + time + " is before the previous row's " + previous);
        }
    }
}
