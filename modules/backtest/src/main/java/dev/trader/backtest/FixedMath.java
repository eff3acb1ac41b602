package dev.trader.backtest;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact fixed-point helpers for the per-bar path: comparisons and marks computed on the raw
 * {@code long}s of {@link Price} and {@link dev.trader.domain.money.Quantity} without allocating,
 * falling back to {@link BigDecimal} only when a value would not fit a {@code long}. Results are
 * the same as the {@link BigDecimal} computation, never approximations.
 */
final class FixedMath {
    /** The scale of every amount the equity curve keeps: {@link Money#SCALE}. */
    static final int MONEY_SCALE = Money.SCALE;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedMath() {
    }

    /** {@code a.compareTo(b)}, exactly, without allocating when the rescaled value fits. */
    static int compare(Price a, Price b) {
        return compare(a.raw(), a.scale(), b.raw(), b.scale());
    }

    static int compare(long a, int aScale, long b, int bScale) {
        if (aScale == bScale) {
            return Long.compare(a, b);
        }
        if (aScale < bScale) {
            int d = bScale - aScale;
            if (d < POW10.length) {
                long p = POW10[d];
                long lo = a * p;
                if (Math.multiplyHigh(a, p) == (lo >> 63)) {
                    return Long.compare(lo, b);
                }
            }
        } else {
            int d = aScale - bScale;
            if (d < POW10.length) {
                long p = POW10[d];
                long lo = b * p;
                if (Math.multiplyHigh(b, p) == (lo >> 63)) {
                    return Long.compare(a, lo);
                }
            }
        }
        return BigDecimal.valueOf(a, aScale).compareTo(BigDecimal.valueOf(b, bScale));
    }

    /** A money amount as raw units at {@link #MONEY_SCALE} (money never carries more decimals). */
    static long moneyRaw(Money m) {
        return rescaleHalfEven(m.raw(), m.scale(), MONEY_SCALE);
    }

    /** Raw units at {@link #MONEY_SCALE} as money. */
    static Money money(long raw, String currency) {
        return new Money(raw, MONEY_SCALE, currency);
    }

    /**
     * {@code (a × 10^-aScale) × (b × 10^-bScale)} as raw units at {@link #MONEY_SCALE}, rounded
     * half-even: what {@code Money.of(a.multiply(b))} gives.
     */
    static long productRaw(long a, int aScale, long b, int bScale) {
        long lo = a * b;
        if (Math.multiplyHigh(a, b) == (lo >> 63)) {
            long r = tryRescale(lo, aScale + bScale, MONEY_SCALE);
            if (r != Long.MIN_VALUE) {
                return r;
            }
        }
        return BigDecimal.valueOf(a, aScale).multiply(BigDecimal.valueOf(b, bScale))
                .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    static long rescaleHalfEven(long raw, int from, int to) {
        long r = tryRescale(raw, from, to);
        if (r != Long.MIN_VALUE) {
            return r;
        }
        return BigDecimal.valueOf(raw, from).setScale(to, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** Rescales, rounding half-even; {@link Long#MIN_VALUE} when the result does not fit. */
    private static long tryRescale(long raw, int from, int to) {
        if (from == to) {
            return raw;
        }
        if (from < to) {
            int d = to - from;
            if (d >= POW10.length) {
                return Long.MIN_VALUE;
            }
            long p = POW10[d];
            long lo = raw * p;
            return Math.multiplyHigh(raw, p) == (lo >> 63) && lo != Long.MIN_VALUE ? lo : Long.MIN_VALUE;
        }
        int d = from - to;
        if (d >= POW10.length) {
            return Long.MIN_VALUE;
        }
        long divisor = POW10[d];
        long q = raw / divisor;
        long rem = raw % divisor;
        if (rem != 0) {
            long twice = Math.abs(rem) * 2; // |rem| < 10^18, so twice fits
            int c = Long.compare(twice, divisor);
            if (c > 0 || (c == 0 && (q & 1) != 0)) {
                q += raw < 0 ? -1 : 1;
            }
        }
        return q;
    }
}
