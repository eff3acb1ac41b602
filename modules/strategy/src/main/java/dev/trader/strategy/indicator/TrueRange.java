package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * True range, as TA-Lib's {@code TRANGE}: the largest of high − low, |high − previous close| and
 * |low − previous close|.
 *
 * <p>It needs the previous close, so like TA-Lib it has no value on the first bar: the first
 * value comes with the second bar ({@link #warmUp()} = 2), NaN before. O(1) per update.
 */
public final class TrueRange extends StateObject implements BarIndicator {
    private double previousClose = Double.NaN;
    private boolean started;
    private double value = Double.NaN;

    public TrueRange() {
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        if (started) {
            value = TaLibMath.trueRange(high, low, previousClose);
        }
        started = true;
        previousClose = close;
    }

    /** The latest true range; NaN on the first bar. */
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return !Double.isNaN(value);
    }

    @Override
    public int warmUp() {
        return 2;
    }
}
