package dev.trader.domain.money;

import java.math.BigDecimal;

/**
 * An amount of an instrument's base asset as fixed-point decimal. Never negative: the side of
 * an order or position says the direction.
 */
public record Quantity(long raw, int scale) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(0, 0);

    public Quantity {
        FixedPoint.checkScale(scale, "quantity");
        if (raw < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + FixedPoint.toBigDecimal(raw, scale).toPlainString());
        }
        long r = raw;
        raw = FixedPoint.canonicalRaw(r, scale);
        scale = FixedPoint.canonicalScale(r, scale);
    }

    public static Quantity of(String text) {
        return of(FixedPoint.parse(text, "quantity"));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(FixedPoint.rawOf(value, "quantity"), FixedPoint.scaleOf(value));
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(raw, scale);
    }

    /** The nearest double, for indicators and statistics (never for accounting). */
    public double toDouble() {
        return FixedPoint.toDouble(raw, scale);
    }

    public boolean isZero() {
        return raw == 0;
    }

    public Quantity plus(Quantity other) {
        return of(FixedPoint.add(raw, scale, other.raw, other.scale));
    }

    /** This minus {@code other}; fails if the result would be negative. */
    public Quantity minus(Quantity other) {
        return of(FixedPoint.add(raw, scale, -other.raw, other.scale));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Quantity o) {
        return FixedPoint.compare(raw, scale, o.raw, o.scale);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
