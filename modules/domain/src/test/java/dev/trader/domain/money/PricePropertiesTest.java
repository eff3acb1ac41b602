package dev.trader.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PricePropertiesTest {

    @Property(tries = 2000)
    void priceSurvivesRoundTripThroughBigDecimal(@ForAll long raw, @ForAll @IntRange(min = 0, max = 12) int scale) {
        Price p = new Price(raw, scale);
        assertEquals(p, Price.of(p.toBigDecimal()));
        assertEquals(p, Price.of(p.toBigDecimal().toPlainString()));
        assertEquals(0, BigDecimal.valueOf(raw, scale).compareTo(p.toBigDecimal()));
    }

    @Property(tries = 2000)
    void compareToAgreesWithBigDecimal(@ForAll long rawA, @ForAll @IntRange(min = 0, max = 12) int scaleA,
                                       @ForAll long rawB, @ForAll @IntRange(min = 0, max = 12) int scaleB) {
        Price a = new Price(rawA, scaleA);
        Price b = new Price(rawB, scaleB);
        assertEquals(Integer.signum(a.toBigDecimal().compareTo(b.toBigDecimal())), Integer.signum(a.compareTo(b)));
        assertEquals(a.compareTo(b) == 0, a.equals(b));
    }

    @Property(tries = 1000)
    void sameValueAtDifferentScalesIsEqualAndComparesEqual(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long raw,
                                                           @ForAll @IntRange(min = 0, max = 3) int scale,
                                                           @ForAll @IntRange(min = 0, max = 9) int extraZeros) {
        Price a = new Price(raw, scale);
        Price b = new Price(raw * FixedPoint.pow10(extraZeros), scale + extraZeros);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertEquals(0, Integer.signum(b.compareTo(a)));
    }
}
