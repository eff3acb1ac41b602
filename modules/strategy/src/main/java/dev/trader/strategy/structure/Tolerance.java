package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;

/**
 * A price distance within which two prices count as the same level:
 * {@code absolute + fractionOfPrice * |referencePrice| + atrMultiple * ATR}. The detectors
 * that take one say which reference price and which ATR they use. When {@code atrMultiple > 0}
 * and the ATR is not ready yet (NaN), the tolerance is NaN and nothing matches.
 */
public final class Tolerance extends StateObject {
    private double absolute;
    private double fractionOfPrice;
    private double atrMultiple;

    private Tolerance() {
    }

    public Tolerance(double absolute, double fractionOfPrice, double atrMultiple) {
        this.absolute = BarInput.nonNegative(absolute, "absolute tolerance");
        this.fractionOfPrice = BarInput.nonNegative(fractionOfPrice, "tolerance fraction of price");
        this.atrMultiple = BarInput.nonNegative(atrMultiple, "tolerance ATR multiple");
    }

    /** A fixed distance in price units (0: only exactly equal prices match). */
    public static Tolerance price(double absolute) {
        return new Tolerance(absolute, 0, 0);
    }

    /** A fraction of the reference price, e.g. {@code 0.0005} for 5 basis points. */
    public static Tolerance fractionOfPrice(double fraction) {
        return new Tolerance(0, fraction, 0);
    }

    /** A multiple of the ATR at the bar that decides. */
    public static Tolerance atr(double multiple) {
        return new Tolerance(0, 0, multiple);
    }

    /** The tolerance in price units; NaN if it needs the ATR and {@code atr} is NaN. */
    public double at(double referencePrice, double atr) {
        double t = absolute + fractionOfPrice * Math.abs(referencePrice);
        return atrMultiple > 0 ? t + atrMultiple * atr : t;
    }

    public boolean usesAtr() {
        return atrMultiple > 0;
    }

    public double absolute() {
        return absolute;
    }

    public double fractionOfPrice() {
        return fractionOfPrice;
    }

    public double atrMultiple() {
        return atrMultiple;
    }
}
