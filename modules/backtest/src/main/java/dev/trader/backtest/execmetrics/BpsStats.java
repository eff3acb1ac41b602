package dev.trader.backtest.execmetrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A distribution of basis points, summed up: its size, mean, median and 90th percentile, and the
 * estimator that produced it. Empty ({@code n = 0}) means nothing was measured: the figures and
 * the method are then null.
 *
 * @param method one of {@link #QUOTES}, {@link #TAKER_SWEEP}, {@link #BAR_GAP}, or null when empty
 */
public record BpsStats(long n, BigDecimal mean, BigDecimal p50, BigDecimal p90, String method) {
    /** Spread: every top-of-book update is one observation. */
    public static final String QUOTES = "quote-updates";
    /** Slippage: each taker order's average fill price against its first fill (the touch), from trades. */
    public static final String TAKER_SWEEP = "taker-sweep";
    /** Slippage: {@code |open − previous close| / previous close} of consecutive 1m bars. */
    public static final String BAR_GAP = "bar-gap";

    public static final BpsStats EMPTY = new BpsStats(0, null, null, null, null);

    public BpsStats {
        if (n < 0) {
            throw new IllegalArgumentException("a sample size cannot be negative: " + n);
        }
        if (n == 0) {
            if (mean != null || p50 != null || p90 != null || method != null) {
                throw new IllegalArgumentException("an empty sample has no mean, percentiles or method");
            }
        } else {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p90, "p90");
            if (!QUOTES.equals(method) && !TAKER_SWEEP.equals(method) && !BAR_GAP.equals(method)) {
                throw new IllegalArgumentException("unknown method '" + method + "' (expected " + QUOTES + ", " + TAKER_SWEEP + " or " + BAR_GAP + ")");
            }
            if (p50.compareTo(p90) > 0) {
                throw new IllegalArgumentException("p50 " + p50.toPlainString() + " is above p90 " + p90.toPlainString());
            }
        }
    }

    public boolean isEmpty() {
        return n == 0;
    }

    public BigDecimal get(CostStatistic statistic) {
        if (isEmpty()) {
            throw new IllegalStateException("an empty sample has no " + statistic.key());
        }
        return statistic.of(this);
    }
}
