package dev.trader.api.read;

import java.math.BigDecimal;
import java.time.Instant;

/** How the read views write values: decimals as exact plain strings, instants as ISO-8601 UTC, nothing known as null. */
final class Text {
    private Text() {
    }

    static String of(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    static String of(Instant t) {
        return t == null ? null : t.toString();
    }

    static String of(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
