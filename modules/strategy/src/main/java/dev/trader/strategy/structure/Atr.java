package dev.trader.strategy.structure;

import dev.trader.strategy.indicator.BarIndicator;
import dev.trader.strategy.state.StateObject;

/**
 * Wilder's average true range, computed exactly as TA-Lib's {@code ATR}: the true range of bar
 * {@code t >= 1} is {@code max(high - low, |high - prevClose|, |low - prevClose|)} (the first
 * bar has no previous close and only provides it); the first value, after {@code period + 1}
 * bars, is the simple mean of the first {@code period} true ranges; then
 * {@code atr = (atr * (period - 1) + tr) / period}. NaN during the warm-up.
 */
public final class Atr extends StateObject implements BarIndicator {
    private int period;
    private long count;
    private double previousClose = Double.NaN;
    private double seedSum;
    private double value = Double.NaN;

    private Atr() {
    }

    public Atr(int period) {
        this.period = BarInput.positive(period, "ATR period");
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low, close);
    }

    public void update(double high, double low, double close) {
        if (count > 0) {
            double tr = Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
            if (count < period) {
                seedSum += tr;
            } else if (count == period) {
                seedSum += tr;
                value = seedSum / period;
            } else {
                value = (value * (period - 1) + tr) / period;
            }
        }
        previousClose = close;
        count++;
    }

    /** The latest ATR; NaN during the warm-up. */
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public int warmUp() {
        return period + 1;
    }

    public int period() {
        return period;
    }
}
