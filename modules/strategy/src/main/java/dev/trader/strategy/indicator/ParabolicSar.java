package dev.trader.strategy.indicator;

import dev.trader.strategy.state.StateObject;

/**
 * Parabolic SAR (stop and reverse) as TA-Lib's {@code SAR}, acceleration 0.02 and maximum 0.2 by
 * default.
 *
 * <p>Start (TA-Lib's, which differs from StockCharts'/Wilder's worked example): the second bar
 * decides the first direction: short if its −DM(1) is positive (the low fell by more than the high
 * rose), else long. A long start takes the first bar's low as SAR and the second bar's high as
 * extreme point (a short start: first high, second low). From then on, each bar:
 * <ul>
 *   <li>if the bar penetrates the SAR (long: low ≤ SAR; short: high ≥ SAR) the position reverses:
 *       the SAR for this bar becomes the extreme point of the trend that ended, kept outside the
 *       range of this and the previous bar; the acceleration restarts and the extreme point is
 *       this bar's low (new short) or high (new long);</li>
 *   <li>otherwise a new extreme (higher high long, lower low short) becomes the extreme point and
 *       raises the acceleration by its step, up to the maximum;</li>
 *   <li>the SAR for the next bar is {@code sar + af · (ep − sar)}, kept outside the range of this
 *       and the previous bar (never above their lows when long, never below their highs when
 *       short).</li>
 * </ul>
 * {@link #value()} is the SAR that applied to the latest bar (TA-Lib's output for it, including
 * the override on a reversal); {@link #nextValue()} the one already computed for the next bar.
 * StockCharts' example starts its first trend differently, so the two series agree once both have
 * reversed onto the same trend with the same extreme point.
 *
 * <p>Parameters: unlike TA-Lib, which silently lowers an acceleration above the maximum, such a
 * pair is rejected. Warm-up: 2 bars (TA-Lib's lookback of 1); NaN before. O(1) per update.
 */
public final class ParabolicSar extends StateObject implements BarIndicator {
    private double acceleration;
    private double maximum;
    private long count;
    /** The previous bar's high and low (TA-Lib's prevHigh/prevLow for the next iteration). */
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private boolean isLong;
    private double sar = Double.NaN;
    private double extremePoint = Double.NaN;
    private double accelerationFactor;
    private double value = Double.NaN;

    private ParabolicSar() {
    }

    /** TA-Lib's defaults: acceleration 0.02, maximum 0.2. */
    public static ParabolicSar taLibDefaults() {
        return new ParabolicSar(0.02, 0.2);
    }

    public ParabolicSar(double acceleration, double maximum) {
        if (!(acceleration > 0) || Double.isInfinite(acceleration)) {
            throw new IllegalArgumentException("acceleration must be positive and finite but was " + acceleration);
        }
        if (!(maximum >= acceleration) || Double.isInfinite(maximum)) {
            throw new IllegalArgumentException("maximum must be finite and at least the acceleration " + acceleration + " but was " + maximum);
        }
        this.acceleration = acceleration;
        this.maximum = maximum;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        update(high, low);
    }

    public void update(double high, double low) {
        count++;
        if (count == 1) {
            previousHigh = high;
            previousLow = low;
            return;
        }
        if (count == 2) {
            double up = high - previousHigh;
            double down = previousLow - low;
            boolean minusDm = down > 0 && up < down;
            isLong = !minusDm;
            if (isLong) {
                extremePoint = high;
                sar = previousLow;
            } else {
                extremePoint = low;
                sar = previousHigh;
            }
            accelerationFactor = acceleration;
            // TA-Lib's "cheat": in the first iteration the previous bar's range is this bar's.
            previousHigh = high;
            previousLow = low;
        }
        if (isLong) {
            if (low <= sar) {
                isLong = false;
                sar = Math.max(extremePoint, Math.max(previousHigh, high));
                value = sar;
                accelerationFactor = acceleration;
                extremePoint = low;
                sar = sar + accelerationFactor * (extremePoint - sar);
                sar = Math.max(sar, Math.max(previousHigh, high));
            } else {
                value = sar;
                if (high > extremePoint) {
                    extremePoint = high;
                    accelerationFactor = Math.min(accelerationFactor + acceleration, maximum);
                }
                sar = sar + accelerationFactor * (extremePoint - sar);
                sar = Math.min(sar, Math.min(previousLow, low));
            }
        } else {
            if (high >= sar) {
                isLong = true;
                sar = Math.min(extremePoint, Math.min(previousLow, low));
                value = sar;
                accelerationFactor = acceleration;
                extremePoint = high;
                sar = sar + accelerationFactor * (extremePoint - sar);
                sar = Math.min(sar, Math.min(previousLow, low));
            } else {
                value = sar;
                if (low < extremePoint) {
                    extremePoint = low;
                    accelerationFactor = Math.min(accelerationFactor + acceleration, maximum);
                }
                sar = sar + accelerationFactor * (extremePoint - sar);
                sar = Math.max(sar, Math.max(previousHigh, high));
            }
        }
        previousHigh = high;
        previousLow = low;
    }

    /** The SAR that applied to the latest bar; NaN during the warm-up. */
    public double value() {
        return value;
    }

    /** The SAR already computed for the next bar (the stop to place now); NaN during the warm-up. */
    public double nextValue() {
        return isReady() ? sar : Double.NaN;
    }

    /** The direction after the latest bar: true long (SAR below price), false short. */
    public boolean isLong() {
        return isLong;
    }

    /** The extreme point of the current trend; NaN during the warm-up. */
    public double extremePoint() {
        return isReady() ? extremePoint : Double.NaN;
    }

    /** The current acceleration factor; NaN during the warm-up. */
    public double accelerationFactor() {
        return isReady() ? accelerationFactor : Double.NaN;
    }

    @Override
    public boolean isReady() {
        return count >= 2;
    }

    @Override
    public int warmUp() {
        return 2;
    }
}
