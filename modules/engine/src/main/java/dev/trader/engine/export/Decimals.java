package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;

/** Exact decimal text for the export's columns (as {@code /api/status} writes amounts), empty for none. */
final class Decimals {
    private Decimals() {
    }

    static String of(Money m) {
        return m == null ? "" : m.toBigDecimal().toPlainString();
    }

    static String of(Price p) {
        return p == null ? "" : p.toString();
    }

    static String of(Quantity q) {
        return q == null ? "" : q.toString();
    }

    static String of(Object o) {
        return o == null ? "" : o.toString();
    }
}
