package dev.trader.marketdata.validation;

import dev.trader.marketdata.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;

/** Parses the open-time field: epoch milliseconds, or microseconds in newer Binance spot archives. */
final class OpenTimeField {
    /**
     * Above this an open time is in microseconds: 10^14 ms is the year 5138, while
     * microsecond times passed 10^15 in 2001. Binance spot archives switched to µs in 2025.
     */
    static final long MICROSECONDS_ABOVE = 100_000_000_000_000L;

    private OpenTimeField() {
    }

    static Instant parse(String text) throws RowRejectedException {
        BigDecimal value = DecimalField.parse(text, "open time");
        if (value.signum() < 0) {
            throw new RowRejectedException(RejectReason.OUT_OF_RANGE, "open time " + value.toPlainString() + " is before 1970");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            // A fraction of a millisecond is on no timeframe's boundary.
            throw new RowRejectedException(RejectReason.MISALIGNED_TIME, "open time " + value.toPlainString() + " is not a whole number");
        }
        long raw;
        try {
            raw = value.longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejectedException(RejectReason.OUT_OF_RANGE, "open time " + value.toPlainString() + " is too large");
        }
        if (raw <= MICROSECONDS_ABOVE) {
            return Instant.ofEpochMilli(raw);
        }
        if (raw % 1000 != 0) {
            throw new RowRejectedException(RejectReason.MISALIGNED_TIME, "open time " + raw + " µs is not a whole millisecond");
        }
        return Instant.ofEpochMilli(raw / 1000);
    }
}
