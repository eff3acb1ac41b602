package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Moving average convergence/divergence, as TA-Lib's {@code MACD}: line = EMA(fast) −
 * EMA(slow), signal = EMA(signal) of the line, histogram = line − signal. Defaults 12, 26, 9.
 *
 * <p>Seeding, as TA-Lib does it: each EMA is seeded with the simple mean of its first
 * {@code period} inputs ({@link Ema}), but TA-Lib aligns the two price EMAs so that both have
 * their first value on the same bar, {@code slow}: the slow EMA starts at the first input, the
 * fast one only at input {@code slow − fast + 1}. So MACD(12,26,9)'s fast EMA is seeded with the
 * mean of inputs 15…26, not 1…12. (On the 1h golden data this alignment is bit-identical to
 * TA-Lib; seeding the fast EMA from input 1 instead is off by up to 0.23 in the line, relative to
 * max(1, |line|), and still beyond 1e-9 after 125 bars.) The signal EMA is seeded with the mean of the
 * first {@code signal} line values (inputs {@code slow} … {@code slow + signal − 1}).
 *
 * <p>TA-Lib outputs nothing until the signal exists, so line, signal and histogram all come with
 * input {@code slow + signal − 1} ({@link #warmUp()}; MACD(12,26,9) at the 34th bar), NaN before.
 * {@link #value()} is the line. O(1) per update (three EMAs).
 */
public final class Macd extends StateObject implements ValueIndicator {
    private int fastPeriod;
    private int slowPeriod;
    private int signalPeriod;
    /** Inputs seen, saturating at {@code slow − fast}: when the fast EMA starts. */
    private int skipped;
    private Ema fast;
    private Ema slow;
    private Ema signalEma;
    private double line = Double.NaN;
    private double signal = Double.NaN;
    private double histogram = Double.NaN;

    private Macd() {
    }

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod < 1) {
            throw new IllegalArgumentException("MACD fastPeriod must be at least 1 but was " + fastPeriod);
        }
        if (slowPeriod <= fastPeriod) {
            // TA-Lib silently swaps them; a swapped configuration is more likely a mistake here.
            throw new IllegalArgumentException("MACD slowPeriod must be greater than fastPeriod (" + fastPeriod
                    + ") but was " + slowPeriod);
        }
        if (signalPeriod < 1) {
            throw new IllegalArgumentException("MACD signalPeriod must be at least 1 but was " + signalPeriod);
        }
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.signalPeriod = signalPeriod;
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signalEma = new Ema(signalPeriod);
    }

    @Override
    public void update(double x) {
        slow.update(x);
        if (skipped < slowPeriod - fastPeriod) {
            // TA-Lib's alignment: the fast EMA sees only the last `fast` inputs of the slow seed.
            skipped++;
        } else {
            fast.update(x);
        }
        if (!slow.isReady()) {
            return;
        }
        double currentLine = fast.value() - slow.value();
        signalEma.update(currentLine);
        if (signalEma.isReady()) {
            line = currentLine;
            signal = signalEma.value();
            histogram = line - signal;
        }
    }

    /** The MACD line. */
    @Override
    public double value() {
        return line;
    }

    public double line() {
        return line;
    }

    public double signal() {
        return signal;
    }

    public double histogram() {
        return histogram;
    }

    @Override
    public boolean isReady() {
        return signalEma.isReady();
    }

    @Override
    public int warmUp() {
        return slowPeriod + signalPeriod - 1;
    }

    public int fastPeriod() {
        return fastPeriod;
    }

    public int slowPeriod() {
        return slowPeriod;
    }

    public int signalPeriod() {
        return signalPeriod;
    }
}
