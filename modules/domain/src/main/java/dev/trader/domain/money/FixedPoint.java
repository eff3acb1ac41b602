package dev.trader.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Shared arithmetic for the fixed-point value types: a {@code long} raw value and a decimal
 * scale. Values are kept canonical (no trailing zeros in the raw value) so that record
 * equality is numeric equality. Overflow throws instead of wrapping.
 */
public final class FixedPoint {
    /** The finest scale any value may carry: enough for satoshi-level crypto quantities. */
    public static final int MAX_SCALE = 12;

    /** How a decimal is shown in logs and reports: no trailing zeros, never in exponent form ("0", "10.01", "1000"). */
    public static String plain(java.math.BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedPoint() {
    }

    static long pow10(int n) {
        return POW10[n];
    }

    /** Strips trailing zeros; returns {raw, scale} packed as the canonical pair. */
    static long canonicalRaw(long raw, int scale) {
        while (scale > 0 && raw % 10 == 0) {
            raw /= 10;
            scale--;
        }
        return raw;
    }

    static int canonicalScale(long raw, int scale) {
        while (scale > 0 && raw % 10 == 0) {
            raw /= 10;
            scale--;
        }
        return scale;
    }

    static void checkScale(int scale, String what) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(what + " scale must be within 0.." + MAX_SCALE + " but was " + scale);
        }
    }

    private static final double[] DOUBLE_POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    /**
     * The nearest double to the decimal value, exactly what {@code toBigDecimal().doubleValue()}
     * gives, without allocating: below 2^53 the raw value and the power of ten are both exact
     * doubles, and one IEEE division rounds their quotient correctly.
     */
    static double toDouble(long raw, int scale) {
        if (raw > -EXACT_DOUBLE_LIMIT && raw < EXACT_DOUBLE_LIMIT) {
            return scale == 0 ? (double) raw : (double) raw / DOUBLE_POW10[scale];
        }
        return toBigDecimal(raw, scale).doubleValue();
    }

    static BigDecimal toBigDecimal(long raw, int scale) {
        return BigDecimal.valueOf(raw, scale);
    }

    /**
     * Converts an exact decimal into raw units at its own scale. A value finer than
     * {@link #MAX_SCALE} is rejected rather than rounded: silently losing digits is how
     * ledgers drift.
     */
    static long rawOf(BigDecimal value, String what) {
        // A long holds at most 19 digits before the point; "1e99999999" would otherwise be expanded
        // to a hundred million digits before failing (here, and in the message below).
        if (value.precision() - value.scale() > 19) {
            throw new IllegalArgumentException(what + " " + value + " is out of range");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), 0);
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " has more than " + MAX_SCALE + " decimals");
        }
        try {
            return stripped.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " is out of range", e);
        }
    }

    static int scaleOf(BigDecimal value) {
        return Math.max(value.stripTrailingZeros().scale(), 0);
    }

    static BigDecimal parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a decimal number: '" + text + "'");
        }
    }

    /** Rescales raw units from one scale to a coarser or finer one, rounding half-even. */
    static long rescale(long raw, int from, int to) {
        if (from == to) {
            return raw;
        }
        if (to > from) {
            return Math.multiplyExact(raw, POW10[to - from]);
        }
        return BigDecimal.valueOf(raw, from).setScale(to, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    static int compare(long rawA, int scaleA, long rawB, int scaleB) {
        if (scaleA == scaleB) {
            return Long.compare(rawA, rawB);
        }
        return toBigDecimal(rawA, scaleA).compareTo(toBigDecimal(rawB, scaleB));
    }

    /** Sum of two fixed-point values, as a BigDecimal for the caller to re-wrap. */
    static BigDecimal add(long rawA, int scaleA, long rawB, int scaleB) {
        if (scaleA == scaleB) {
            return BigDecimal.valueOf(Math.addExact(rawA, rawB), scaleA);
        }
        return toBigDecimal(rawA, scaleA).add(toBigDecimal(rawB, scaleB));
    }
}
