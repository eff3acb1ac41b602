package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Average true range with Wilder's smoothing, as TA-Lib's {@code ATR}.
 *
 * <p>Seeding: the true range exists from the second bar (it needs a previous close); the first
 * ATR is the simple mean of the first {@code period} true ranges, so it comes with bar
 * {@code period + 1} ({@link #warmUp()}; ATR(14) at the 15th bar), NaN before. After that
 * {@code atr = (atr·(period−1) + tr) / period}, in TA-Lib's order of operations. O(1) per update.
 */
public final class Atr extends StateObject implements BarIndicator {
    private int period;
    private TrueRange trueRange;
    /** True ranges seen, saturating at {@code period}. */
    private int ranges;
    private double seedSum;
    private double value = Double.NaN;

    private Atr() {
    }

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1 but was " + period);
        }
        this.period = period;
        this.trueRange = new TrueRange();
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        trueRange.update(open, high, low, close, volume);
        if (!trueRange.isReady()) {
            return;
        }
        double tr = trueRange.value();
        if (ranges < period) {
            seedSum += tr;
            ranges++;
            if (ranges == period) {
                value = seedSum / period;
            }
        } else {
            value *= period - 1;
            value += tr;
            value /= period;
        }
    }

    /** The latest ATR; NaN during the warm-up. */
    public double value() {
        return value;
    }

    /** The latest bar's true range; NaN on the first bar. */
    public double trueRange() {
        return trueRange.value();
    }

    @Override
    public boolean isReady() {
        return ranges == period;
    }

    @Override
    public int warmUp() {
        return period + 1;
    }

    public int period() {
        return period;
    }
}
