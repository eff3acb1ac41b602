package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Weighted moving average, as TA-Lib's {@code WMA}: the newest of the last {@code period} inputs
 * weighs {@code period}, the one before {@code period − 1}, … the oldest 1, divided by
 * {@code period·(period+1)/2}.
 *
 * <p>No seeding beyond filling the window: the first value comes with the {@code period}-th
 * input ({@link #warmUp()} = {@code period}), NaN before. O(1) per update: like TA-Lib it keeps
 * the weighted sum and the plain sum of the window; each step adds {@code period·x} to the
 * weighted sum and then subtracts the plain sum, which lowers every older weight by one and
 * drops the oldest input (whose weight reaches 0). The operations run in TA-Lib's order so the
 * outputs round the same way.
 */
public final class Wma extends StateObject implements ValueIndicator {
    private int period;
    /** period·(period+1)/2, a double so that large periods cannot overflow an int. */
    private double divider;
    /** The last {@code period} inputs, oldest at {@code next} once the window is full. */
    private double[] window;
    private int next;
    /** Inputs seen, saturating at {@code period}. */
    private int filled;
    /** Σ weight·input over the window. */
    private double weightedSum;
    /** Σ input over the window (after the step: over the inputs that still carry weight). */
    private double plainSum;
    /** The input that left the window at the previous step; TA-Lib subtracts it one step late. */
    private double trailing;
    private double value = Double.NaN;

    private Wma() {
    }

    public Wma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("WMA period must be at least 1 but was " + period);
        }
        this.period = period;
        this.divider = period * (period + 1.0) / 2.0;
        this.window = new double[period];
    }

    @Override
    public void update(double x) {
        window[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (filled < period - 1) {
            // Filling: the i-th input (1-based) gets weight i.
            filled++;
            plainSum += x;
            weightedSum += x * filled;
            return;
        }
        filled = period;
        plainSum += x;
        plainSum -= trailing;
        weightedSum += x * period;
        trailing = window[next];
        value = weightedSum / divider;
        weightedSum -= plainSum;
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
