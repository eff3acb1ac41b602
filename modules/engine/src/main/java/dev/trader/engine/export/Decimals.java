package dev.trader.engine.export;

import dev.trader.domain.money.Money;

/** Exact decimal text for the export's columns (as {@code /api/status} writes amounts), empty for none. */
final class Decimals {
    private Decimals() {
    }

    static String of(Money m) {
        return m == null ? "" : m.toBigDecimal().toPlainString();
    }

    /** Prices and quantities write themselves as plain decimals. */
    static String of(Object o) {
        return o == null ? "" : o.toString();
    }
}
