package dev.trader.strategy.indicator;

/**
 * Exponential moving average, O(1) per value and immutable. Seeded TA-Lib style with the
 * simple average of the first {@code period} values, then {@code alpha = 2 / (period + 1)}.
 * Indicator math is floating point (it is not money); Java's IEEE arithmetic is the same on
 * every JVM, so a replay computes the same values.
 */
public record Ema(int period, int count, double seedSum, double value) {
    public Ema {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1 but was " + period);
        }
    }

    public static Ema of(int period) {
        return new Ema(period, 0, 0.0, Double.NaN);
    }

    public Ema next(double x) {
        int n = count + 1;
        if (n < period) {
            return new Ema(period, n, seedSum + x, Double.NaN);
        }
        if (n == period) {
            return new Ema(period, n, seedSum + x, (seedSum + x) / period);
        }
        double alpha = 2.0 / (period + 1);
        return new Ema(period, n, seedSum, value + alpha * (x - value));
    }

    /** True once {@link #value} is defined: the warm-up is {@code period} values. */
    public boolean isReady() {
        return count >= period;
    }
}
