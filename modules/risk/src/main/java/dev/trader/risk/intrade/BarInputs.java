package dev.trader.risk.intrade;

import dev.trader.domain.money.Price;

/**
 * What the engine knows at a bar's close besides the bar itself. The manager computes no
 * indicators: the engine passes them in, so backtest, paper and live share one computation.
 *
 * @param atr            the ATR at this bar's close, in price units; {@code NaN} while the indicator warms
 *                       up (no ATR trailing on that bar). Only for trailing: never for accounting
 * @param swingLow       the last confirmed swing low at this bar's close (trails a long); null if none
 * @param swingHigh      the last confirmed swing high at this bar's close (trails a short); null if none
 * @param oppositeSignal the strategy signalled the direction opposite to the trade at this bar's close
 */
public record BarInputs(double atr, Price swingLow, Price swingHigh, boolean oppositeSignal) {
    private static final BarInputs NONE = new BarInputs(Double.NaN, null, null, false);

    public BarInputs {
        if (Double.isInfinite(atr) || atr < 0) {
            throw new IllegalArgumentException("bar inputs: the ATR must be a finite non-negative number or NaN (unknown) but was " + atr);
        }
    }

    /** No ATR, no swing levels, no signal. */
    public static BarInputs none() {
        return NONE;
    }

    public static BarInputs ofAtr(double atr) {
        return new BarInputs(atr, null, null, false);
    }

    public BarInputs withAtr(double value) {
        return new BarInputs(value, swingLow, swingHigh, oppositeSignal);
    }

    public BarInputs withSwingLow(Price level) {
        return new BarInputs(atr, level, swingHigh, oppositeSignal);
    }

    public BarInputs withSwingHigh(Price level) {
        return new BarInputs(atr, swingLow, level, oppositeSignal);
    }

    public BarInputs withOppositeSignal(boolean opposite) {
        return new BarInputs(atr, swingLow, swingHigh, opposite);
    }

    public boolean hasAtr() {
        return !Double.isNaN(atr);
    }
}
