package dev.trader.strategy.regime;

import dev.trader.strategy.indicator.ValueIndicator;
import dev.trader.strategy.state.StateObject;

/**
 * Realized volatility per bar: the root mean square of the last {@code window} log returns,
 * sqrt(Σ r² / n). Not de-meaned (the mean of short-horizon returns is noise next to their
 * spread) and not annualized, so it is in the units of one bar of the series it is fed.
 *
 * <p>O(1) per update with a running sum of squares, recomputed from the window every
 * {@code window} updates so rounding cannot accumulate. NaN until {@code window + 1} prices
 * have been seen.
 */
public final class RealizedVolatility extends StateObject implements ValueIndicator {
    private int window;
    private double[] squares;
    private long returns;
    private double sum;
    private int sinceRecompute;
    private double lastLogPrice = Double.NaN;
    private double value = Double.NaN;

    private RealizedVolatility() {
    }

    public RealizedVolatility(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("realized volatility window must be at least 2 but was " + window);
        }
        this.window = window;
        this.squares = new double[window];
    }

    /** Adds a price (a close); it must be positive. */
    @Override
    public void update(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("realized volatility needs positive finite prices but got " + price);
        }
        double x = Math.log(price);
        if (!Double.isNaN(lastLogPrice)) {
            updateLogReturn(x - lastLogPrice);
        }
        lastLogPrice = x;
    }

    /** Adds one log return directly. */
    public void updateLogReturn(double r) {
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("realized volatility needs finite log returns but got " + r);
        }
        int slot = (int) (returns % window);
        if (returns >= window) {
            sum -= squares[slot];
        }
        squares[slot] = r * r;
        sum += r * r;
        returns++;
        if (++sinceRecompute >= window) {
            sinceRecompute = 0;
            double s = 0;
            for (int i = 0; i < (int) Math.min(returns, window); i++) {
                s += squares[i];
            }
            sum = s;
        }
        // max(0, ...) because the running sum can dip a hair below zero after large values leave
        value = returns >= window ? Math.sqrt(Math.max(0.0, sum) / window) : Double.NaN;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return returns >= window;
    }

    /** window + 1 prices (window returns). */
    @Override
    public int warmUp() {
        return window + 1;
    }

    public int window() {
        return window;
    }
}
