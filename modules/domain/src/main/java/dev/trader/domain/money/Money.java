package dev.trader.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of a currency (the quote asset: USDT, USD) as fixed-point decimal. Results of
 * arithmetic are rounded half-even to {@link #SCALE} decimals, so that every node and every
 * replay computes the same cents.
 */
public record Money(long raw, int scale, String currency) implements Comparable<Money> {
    /** Accounting precision. */
    public static final int SCALE = 8;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.isBlank()) {
            throw new IllegalArgumentException("currency is blank");
        }
        FixedPoint.checkScale(scale, "money");
        long r = raw;
        raw = FixedPoint.canonicalRaw(r, scale);
        scale = FixedPoint.canonicalScale(r, scale);
    }

    public static Money zero(String currency) {
        return new Money(0, 0, currency);
    }

    public static Money of(String text, String currency) {
        return of(FixedPoint.parse(text, "money"), currency);
    }

    /** Rounds half-even to {@link #SCALE} decimals. */
    public static Money of(BigDecimal value, String currency) {
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_EVEN);
        return new Money(FixedPoint.rawOf(rounded, "money"), FixedPoint.scaleOf(rounded), currency);
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(raw, scale);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return of(FixedPoint.add(raw, scale, other.raw, other.scale), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return of(FixedPoint.add(raw, scale, Math.negateExact(other.raw), other.scale), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(raw), scale, currency);
    }

    /** This amount times a rate (a fee rate, a risk fraction), rounded half-even. */
    public Money times(BigDecimal rate) {
        return of(toBigDecimal().multiply(rate), currency);
    }

    public boolean isNegative() {
        return raw < 0;
    }

    @Override
    public int compareTo(Money o) {
        requireSameCurrency(o);
        return FixedPoint.compare(raw, scale, o.raw, o.scale);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + " " + currency;
    }
}
