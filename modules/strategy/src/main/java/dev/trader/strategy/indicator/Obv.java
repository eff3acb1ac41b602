package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * On-balance volume as TA-Lib's {@code OBV}: a running total that adds the bar's volume when the
 * close rises, subtracts it when the close falls and leaves it when the close is unchanged.
 *
 * <p>Seeding: TA-Lib starts the total at the first bar's volume (StockCharts starts at 0, so its
 * series is TA-Lib's minus that constant; the two agree when the first bar's volume is 0 or
 * unknown). Warm-up: 1 bar. The level is arbitrary, only its changes mean something. O(1).
 */
public final class Obv extends StateObject implements BarIndicator {
    private long count;
    private double previousClose = Double.NaN;
    private double value = Double.NaN;

    public Obv() {
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(close, volume);
    }

    public void update(double close, double volume) {
        if (count == 0) {
            value = volume;
        } else if (close > previousClose) {
            value += volume;
        } else if (close < previousClose) {
            value -= volume;
        }
        previousClose = close;
        count++;
    }

    /** The running on-balance volume; NaN before the first bar. */
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > 0;
    }

    @Override
    public int warmUp() {
        return 1;
    }
}
