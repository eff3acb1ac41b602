package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Exponential moving average, seeded TA-Lib style with the simple average of the first
 * {@code period} values, then {@code alpha = 2 / (period + 1)}. Java's IEEE arithmetic is the
 * same on every JVM, so a replay computes the same values.
 */
public final class Ema extends StateObject implements ValueIndicator {
    private int period;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    private Ema() {
    }

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1 but was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(double x) {
        count++;
        if (count < period) {
            seedSum += x;
        } else if (count == period) {
            seedSum += x;
            value = seedSum / period;
        } else {
            value += 2.0 / (period + 1) * (x - value);
        }
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public int warmUp() {
        return period;
    }

    public int period() {
        return period;
    }

    public int count() {
        return count;
    }
}
