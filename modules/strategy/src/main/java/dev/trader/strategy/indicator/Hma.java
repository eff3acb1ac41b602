package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Hull moving average (Alan Hull): {@code WMA(2·WMA(x, n/2) − WMA(x, n), √n)}, with
 * {@code n/2} and {@code √n} rounded down (as TradingView's {@code ta.hma} and pandas-ta do).
 * TA-Lib has no HMA; the {@link Wma}s inside are TA-Lib's.
 *
 * <p>Seeding: none of its own. The difference series starts when {@code WMA(x, n)} is ready
 * (input {@code n}); the outer WMA then needs {@code ⌊√n⌋} of those, so the first value comes with
 * input {@code n + ⌊√n⌋ − 1} ({@link #warmUp()}), NaN before. O(1) per update (three WMAs).
 */
public final class Hma extends StateObject implements ValueIndicator {
    private int period;
    private Wma half;
    private Wma full;
    private Wma smooth;
    private double value = Double.NaN;

    private Hma() {
    }

    public Hma(int period) {
        if (period < 2) {
            // n/2 must be at least 1 for the fast WMA to exist.
            throw new IllegalArgumentException("HMA period must be at least 2 but was " + period);
        }
        this.period = period;
        this.half = new Wma(period / 2);
        this.full = new Wma(period);
        this.smooth = new Wma(sqrtPeriod(period));
    }

    /** ⌊√n⌋; Math.sqrt is correctly rounded, so perfect squares come out exact. */
    private static int sqrtPeriod(int period) {
        return (int) Math.sqrt(period);
    }

    @Override
    public void update(double x) {
        half.update(x);
        full.update(x);
        if (full.isReady()) {
            smooth.update(2.0 * half.value() - full.value());
            value = smooth.value();
        }
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return smooth.isReady();
    }

    @Override
    public int warmUp() {
        return period + sqrtPeriod(period) - 1;
    }

    public int period() {
        return period;
    }
}
