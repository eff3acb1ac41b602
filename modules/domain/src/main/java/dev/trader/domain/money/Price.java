package dev.trader.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A price as fixed-point decimal: {@code raw × 10^-scale}. Canonical, so equality is numeric. */
public record Price(long raw, int scale) implements Comparable<Price> {

    public Price {
        FixedPoint.checkScale(scale, "price");
        long r = raw;
        raw = FixedPoint.canonicalRaw(r, scale);
        scale = FixedPoint.canonicalScale(r, scale);
    }

    public static Price of(String text) {
        return of(FixedPoint.parse(text, "price"));
    }

    public static Price of(BigDecimal value) {
        return new Price(FixedPoint.rawOf(value, "price"), FixedPoint.scaleOf(value));
    }

    public static Price ofUnits(long units) {
        return new Price(units, 0);
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(raw, scale);
    }

    /** The nearest double, for indicators and statistics (never for accounting). */
    public double toDouble() {
        return FixedPoint.toDouble(raw, scale);
    }

    public boolean isPositive() {
        return raw > 0;
    }

    public Price plus(Price other) {
        return of(FixedPoint.add(raw, scale, other.raw, other.scale));
    }

    public Price minus(Price other) {
        return of(FixedPoint.add(raw, scale, Math.negateExact(other.raw), other.scale));
    }

    /** This price times a plain factor (an ATR multiple, say), rounded half-even to {@code scale}. */
    public Price times(BigDecimal factor, int resultScale) {
        return of(toBigDecimal().multiply(factor).setScale(resultScale, RoundingMode.HALF_EVEN));
    }

    /** The notional value of {@code quantity} at this price, in {@code currency}. */
    public Money notional(Quantity quantity, String currency) {
        return Money.of(toBigDecimal().multiply(quantity.toBigDecimal()), currency);
    }

    public Price max(Price other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Price min(Price other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Price o) {
        return FixedPoint.compare(raw, scale, o.raw, o.scale);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
