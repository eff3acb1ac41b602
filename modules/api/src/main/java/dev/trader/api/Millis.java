package dev.trader.api;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration as milliseconds in an exact decimal (down to the nanosecond): how the API states latencies. */
final class Millis {
    private Millis() {
    }

    static BigDecimal of(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros();
    }

    static String text(Duration d) {
        return d == null ? null : of(d).toPlainString();
    }
}
