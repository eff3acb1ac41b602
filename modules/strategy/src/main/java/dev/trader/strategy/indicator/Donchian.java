package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Donchian channels, StockCharts' definition (TA-Lib has only MAX and MIN): over the last
 * {@code period} bars including the current one, upper = highest high, lower = lowest low,
 * middle = (upper + lower) / 2. Default period 20.
 *
 * <p>A breakout rule usually compares the close with the channel of the bars before it: that is
 * this channel read one bar earlier (StockCharts' second example, {@code cs-dc2}, is exactly this
 * series shifted by one bar).
 *
 * <p>Warm-up: {@code period} bars; NaN before. The extremes come from monotonic deques, so each
 * update is amortized O(1), not O(period).
 */
public final class Donchian extends StateObject implements BarIndicator {
    private int period;
    private MonotonicDeque highest;
    private MonotonicDeque lowest;

    private Donchian() {
    }

    public Donchian(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("Donchian period must be at least 1 but was " + period);
        }
        this.period = period;
        this.highest = MonotonicDeque.max(period);
        this.lowest = MonotonicDeque.min(period);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low);
    }

    public void update(double high, double low) {
        highest.push(high);
        lowest.push(low);
    }

    /** Highest high of the window; NaN during the warm-up. */
    public double upper() {
        return isReady() ? highest.extreme() : Double.NaN;
    }

    /** Lowest low of the window; NaN during the warm-up. */
    public double lower() {
        return isReady() ? lowest.extreme() : Double.NaN;
    }

    /** (upper + lower) / 2; NaN during the warm-up. */
    public double middle() {
        return isReady() ? (highest.extreme() + lowest.extreme()) / 2 : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return highest.isFull();
    }

    @Override
    public int warmUp() {
        return period;
    }

    public int period() {
        return period;
    }
}
