package dev.trader.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The allocation-free per-bar arithmetic gives exactly what BigDecimal gives. */
class FixedMathTest {

    @Property(tries = 3000)
    void comparisonEqualsBigDecimalComparison(@ForAll long a, @ForAll @IntRange(min = 0, max = 12) int aScale,
                                              @ForAll long b, @ForAll @IntRange(min = 0, max = 12) int bScale) {
        assertEquals(Integer.signum(BigDecimal.valueOf(a, aScale).compareTo(BigDecimal.valueOf(b, bScale))),
                Integer.signum(FixedMath.compare(a, aScale, b, bScale)));
    }

    @Property(tries = 3000)
    void productIsBigDecimalsProductRoundedHalfEvenToMoneyScale(@ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long a,
                                                                @ForAll @IntRange(min = 0, max = 12) int aScale,
                                                                @ForAll @LongRange(min = 0, max = 10_000_000_000L) long b,
                                                                @ForAll @IntRange(min = 0, max = 12) int bScale) {
        BigInteger expected = BigDecimal.valueOf(a, aScale).multiply(BigDecimal.valueOf(b, bScale))
                .setScale(Money.SCALE, RoundingMode.HALF_EVEN).unscaledValue();
        if (expected.bitLength() < 64) {
            assertEquals(expected.longValueExact(), FixedMath.productRaw(a, aScale, b, bScale));
        } else {
            assertThrows(ArithmeticException.class, () -> FixedMath.productRaw(a, aScale, b, bScale), "too large for money: fails, never wraps");
        }
    }

    @Property(tries = 1000)
    void moneyRawIsTheAmountAtMoneyScale(@ForAll @LongRange(min = -90_000_000_000L, max = 90_000_000_000L) long raw,
                                         @ForAll @IntRange(min = 0, max = 8) int scale) {
        Money m = new Money(raw, scale, "USDT");
        assertEquals(m, FixedMath.money(FixedMath.moneyRaw(m), "USDT"));
    }
}
