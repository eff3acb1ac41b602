package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Relative strength index with Wilder's smoothing, as TA-Lib's {@code RSI} (default
 * compatibility, not MetaStock's): {@code 100 · avgGain / (avgGain + avgLoss)}.
 *
 * <p>Seeding: the first input only sets the previous value; the average gain and loss are the
 * plain means of the first {@code period} changes, giving the first value with input
 * {@code period + 1} ({@link #warmUp()}; RSI(14) at the 15th bar), NaN before. After that each
 * average becomes {@code (avg·(period−1) + change) / period}, in TA-Lib's order of operations.
 * When both averages are (within TA-Lib's 1e-8) zero, a flat market, the value is 0 as in TA-Lib.
 * O(1) per update.
 */
public final class Rsi extends StateObject implements ValueIndicator {
    private int period;
    /** Inputs seen, saturating at {@code period + 1}. */
    private int seen;
    private double previous;
    private double avgGain;
    private double avgLoss;
    private double value = Double.NaN;

    private Rsi() {
    }

    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1 but was " + period);
        }
        this.period = period;
    }

    @Override
    public void update(double x) {
        if (seen == 0) {
            seen = 1;
            previous = x;
            return;
        }
        double change = x - previous;
        previous = x;
        if (seen <= period) {
            // Seeding: sums first, divided once the period-th change is in.
            if (change < 0) {
                avgLoss -= change;
            } else {
                avgGain += change;
            }
            seen++;
            if (seen <= period) {
                return;
            }
            avgLoss /= period;
            avgGain /= period;
        } else {
            avgLoss *= period - 1;
            avgGain *= period - 1;
            if (change < 0) {
                avgLoss -= change;
            } else {
                avgGain += change;
            }
            avgLoss /= period;
            avgGain /= period;
        }
        double total = avgGain + avgLoss;
        value = TaLibMath.isZero(total) ? 0.0 : 100.0 * (avgGain / total);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return seen > period;
    }

    @Override
    public int warmUp() {
        return period + 1;
    }

    public int period() {
        return period;
    }
}
