package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Simple moving average: the mean of the last {@code period} inputs, as TA-Lib's {@code SMA}.
 *
 * <p>No seeding beyond filling the window: the first value comes with the {@code period}-th
 * input ({@link #warmUp()} = {@code period}), NaN before. O(1) per update with a running sum;
 * the sum is updated in TA-Lib's order (add the newest, divide, then take the oldest out) so
 * the rounding of the running sum, and therefore every output, is the same as TA-Lib's.
 */
public final class Sma extends StateObject implements ValueIndicator {
    private int period;
    /** The last {@code period} inputs, oldest at {@code next} once the window is full. */
    private double[] window;
    private int next;
    /** Inputs seen, saturating at {@code period}: only "is the window full" matters. */
    private int filled;
    private double sum;
    private double value = Double.NaN;

    private Sma() {
    }

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be at least 1 but was " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public void update(double x) {
        sum += x;
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (filled < period) {
            filled++;
        }
        if (filled == period) {
            value = sum / period;
            // window[next] is now the oldest input; it leaves with the next update.
            sum -= window[next];
        }
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return filled == period;
    }

    @Override
    public int warmUp() {
        return period;
    }

    public int period() {
        return period;
    }
}
