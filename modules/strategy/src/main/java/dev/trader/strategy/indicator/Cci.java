package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Commodity channel index as TA-Lib's {@code CCI} (default period 14; StockCharts uses 20).
 *
 * <p>Typical price {@code tp = (high + low + close) / 3}; over the last {@code period} bars its
 * mean {@code m} and mean absolute deviation {@code md = Σ|tp − m| / period};
 * {@code CCI = (tp − m) / (0.015 · md)}. When {@code tp − m} or {@code md} is zero (in particular
 * for flat prices, where the ratio is 0/0) the output is 0, as in TA-Lib.
 *
 * <p>Cost: O(period) per update, the one exception to this package's O(1) rule, and necessarily
 * so with plain arrays: every deviation is measured from the current mean, which moves each bar,
 * and |x − m| changes slope wherever m crosses an x, so Σ|x − m| cannot be carried by running sums
 * the way Σx and Σx² can (an order-statistics tree would give O(log period), not worth it at
 * these periods). Since the loop is needed anyway, the mean is summed in the same loop instead of
 * kept as a running sum: no drift, and the same summation order as TA-Lib (the ring buffer's
 * physical order, starting with the first bar in slot 0), so the outputs round like TA-Lib's.
 *
 * <p>Warm-up: {@code period} bars; NaN before.
 */
public final class Cci extends StateObject implements BarIndicator {
    private int period;
    private double[] typicalPrices;
    private int next;
    private long count;
    private double value = Double.NaN;

    private Cci() {
    }

    public Cci(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("CCI period must be at least 2 but was " + period);
        }
        this.period = period;
        this.typicalPrices = new double[period];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low, close);
    }

    public void update(double high, double low, double close) {
        double tp = (high + low + close) / 3;
        typicalPrices[next] = tp;
        next = next + 1 == period ? 0 : next + 1;
        count++;
        if (count < period) {
            return;
        }
        double mean = 0;
        for (int i = 0; i < period; i++) {
            mean += typicalPrices[i];
        }
        mean /= period;
        double deviations = 0;
        for (int i = 0; i < period; i++) {
            deviations += Math.abs(typicalPrices[i] - mean);
        }
        double distance = tp - mean;
        value = distance != 0.0 && deviations != 0.0 ? distance / (0.015 * (deviations / period)) : 0.0;
    }

    /** The latest CCI; NaN during the warm-up. */
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
}
