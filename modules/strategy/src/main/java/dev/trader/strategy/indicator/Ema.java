package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Exponential moving average, seeded TA-Lib style with the simple average of the first
 * {@code period} values, then {@code alpha = 2 / (period + 1)}. Java's IEEE arithmetic is the
 * same on every JVM, so a replay computes the same values. The first value comes with the
 * {@code period}-th input ({@link #warmUp()}), NaN before; the operations run in TA-Lib's order,
 * so the outputs are bit-identical to TA-Lib's {@code EMA} (see the golden tests). O(1) per update.
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
        // Saturate rather than wrap: after 2^31 updates (about 25 days of one tick a millisecond)
        // a wrapped, negative count would send the EMA back into seeding and freeze its value.
        if (count < Integer.MAX_VALUE) {
            count++;
        }
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

    /** Values seen, saturating at {@link Integer#MAX_VALUE}. */
    public int count() {
        return count;
    }
}
