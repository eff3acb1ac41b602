package dev.trader.domain.money;

import static dev.trader.domain.money.OverflowAssertions.assertOverflowThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void quantityEqualityIsNumericAcrossScales() {
        assertEquals(Quantity.of("0.5"), Quantity.of("0.50000"));
        assertEquals(Quantity.of("0.5").hashCode(), Quantity.of("0.50000").hashCode());
        assertEquals(Quantity.ZERO, Quantity.of("0.000"));
        assertEquals(Quantity.ZERO, new Quantity(0, 12));
    }

    @Test
    void parsesSatoshiPrecisionExactly() {
        Quantity q = Quantity.of("0.00000001");
        assertEquals(1, q.raw());
        assertEquals(8, q.scale());
        assertEquals(0, new BigDecimal("0.00000001").compareTo(q.toBigDecimal()));
    }

    @Test
    void moreThanTwelveDecimalsRejectedWithMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.of("1.0000000000001"));
        assertTrue(e.getMessage().startsWith("quantity 1.0000000000001"), e.getMessage());
        assertTrue(e.getMessage().contains("more than 12 decimals"), e.getMessage());
    }

    @Test
    void blankAndTextInputRejectedNamingTheValue() {
        assertEquals("quantity is empty", assertThrows(IllegalArgumentException.class, () -> Quantity.of("")).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.of("one"));
        assertTrue(e.getMessage().contains("quantity") && e.getMessage().contains("'one'"), e.getMessage());
    }

    @Test
    void quantityIsNeverNegative() {
        IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class, () -> Quantity.of("-0.1"));
        assertTrue(parsed.getMessage().contains("must not be negative"), parsed.getMessage());
        assertTrue(parsed.getMessage().contains("-0.1"), parsed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Quantity(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("0.1").minus(Quantity.of("0.10001")));
    }

    @Test
    void minusToExactlyZeroIsAllowed() {
        Quantity zero = Quantity.of("0.30").minus(Quantity.of("0.3"));
        assertTrue(zero.isZero());
        assertEquals(Quantity.ZERO, zero);
    }

    @Test
    void addAndSubtractAcrossScalesAreExact() {
        assertEquals(Quantity.of("0.3"), Quantity.of("0.1").plus(Quantity.of("0.2")));
        assertEquals(Quantity.of("1.00000001"), Quantity.of("1").plus(Quantity.of("0.00000001")));
        assertEquals(Quantity.of("0.99999999"), Quantity.of("1").minus(Quantity.of("0.00000001")));
    }

    @Test
    void additionOverflowThrowsRatherThanWraps() {
        Quantity max = new Quantity(Long.MAX_VALUE, 0);
        assertOverflowThrows(() -> max.plus(new Quantity(1, 0)));
        assertOverflowThrows(() -> max.plus(Quantity.of("0.1")));
    }

    @Test
    void minReturnsTheSmallerOperand() {
        Quantity a = Quantity.of("0.1");
        Quantity b = Quantity.of("0.09");
        assertSame(b, a.min(b));
        assertSame(b, b.min(a));
        assertFalse(a.isZero());
    }
}
