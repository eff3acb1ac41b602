package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Money flow index as TA-Lib's {@code MFI} (default period 14).
 *
 * <p>Typical price {@code tp = (high + low + close) / 3}, raw money flow {@code tp · volume}. A
 * bar whose tp is above the previous bar's adds its flow to the positive side, below to the
 * negative side, unchanged to neither. Over the last {@code period} flows,
 * {@code MFI = 100 · positive / (positive + negative)}.
 *
 * <p>No money flow: when both sums are zero (zero volume throughout the window, or a tp that never
 * changes) the output is 0, TA-Lib's value for that case. TA-Lib actually returns 0 whenever the
 * total is below 1.0 in price × volume units, a threshold that silently zeroes the MFI of a
 * low-priced, thinly traded instrument; here only an exactly empty window does, and results are
 * otherwise the same as TA-Lib's. A side whose flows have all left the window is reset to exactly
 * 0 (a count of its non-zero flows says when), so the subtract-and-add running sums cannot leave a
 * residue of rounding that would turn "no selling at all" into an MFI of 99.9999… or 100.0000…1.
 *
 * <p>Warm-up: {@code period + 1} bars (the first bar only gives the first tp to compare with);
 * NaN before. O(1) per update.
 */
public final class Mfi extends StateObject implements BarIndicator {
    private int period;
    private double[] positiveFlows;
    private double[] negativeFlows;
    private int next;
    private long count;
    private double previousTypicalPrice = Double.NaN;
    private double positiveSum;
    private double negativeSum;
    /** How many flows in the window are non-zero on each side. */
    private int positiveCount;
    private int negativeCount;
    private double value = Double.NaN;

    private Mfi() {
    }

    public Mfi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("MFI period must be at least 1 but was " + period);
        }
        this.period = period;
        this.positiveFlows = new double[period];
        this.negativeFlows = new double[period];
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low, close, volume);
    }

    public void update(double high, double low, double close, double volume) {
        if (!(volume >= 0)) {
            throw new IllegalArgumentException("volume must be non-negative but was " + volume);
        }
        double tp = (high + low + close) / 3.0;
        count++;
        if (count == 1) {
            previousTypicalPrice = tp;
            return;
        }
        // Take the oldest flow out first, then add the new one: TA-Lib's order.
        positiveSum -= positiveFlows[next];
        negativeSum -= negativeFlows[next];
        if (positiveFlows[next] != 0.0) {
            positiveCount--;
        }
        if (negativeFlows[next] != 0.0) {
            negativeCount--;
        }
        double change = tp - previousTypicalPrice;
        previousTypicalPrice = tp;
        double flow = tp * volume;
        positiveFlows[next] = change > 0 ? flow : 0.0;
        negativeFlows[next] = change < 0 ? flow : 0.0;
        positiveSum += positiveFlows[next];
        negativeSum += negativeFlows[next];
        if (positiveFlows[next] != 0.0) {
            positiveCount++;
        }
        if (negativeFlows[next] != 0.0) {
            negativeCount++;
        }
        if (positiveCount == 0) {
            positiveSum = 0.0;
        }
        if (negativeCount == 0) {
            negativeSum = 0.0;
        }
        next = next + 1 == period ? 0 : next + 1;
        if (count > period) {
            double total = positiveSum + negativeSum;
            value = total > 0 ? 100.0 * (positiveSum / total) : 0.0;
        }
    }

    /** The latest MFI in [0, 100]; NaN during the warm-up. */
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
