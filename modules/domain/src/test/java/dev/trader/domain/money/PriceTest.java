package dev.trader.domain.money;

import static dev.trader.domain.money.OverflowAssertions.assertOverflowThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void parsesExactDecimalWithoutBinaryRounding() {
        Price p = Price.of("0.1");
        assertEquals(1, p.raw());
        assertEquals(1, p.scale());
        assertEquals(0, new BigDecimal("0.1").compareTo(p.toBigDecimal()));
        assertEquals("65000.12345678", Price.of("65000.12345678").toString());
    }

    @Test
    void priceEqualityIsNumericAcrossScales() {
        assertEquals(Price.of("1.1"), Price.of("1.10"));
        assertEquals(Price.of("1.1"), Price.of("1.100000000000"));
        assertEquals(Price.of("1.1").hashCode(), Price.of("1.10").hashCode());
        assertEquals(Price.of("1.1"), new Price(1100, 3));
        assertEquals(Price.ofUnits(100), Price.of("100.00"));
        assertEquals(Price.ofUnits(100), Price.of("1E+2"));
        assertNotEquals(Price.of("1.1"), Price.of("1.01"));
    }

    @Test
    void canonicalFormStripsTrailingZerosButKeepsIntegerDigits() {
        Price p = Price.of("1.10");
        assertEquals(11, p.raw());
        assertEquals(1, p.scale());
        Price hundred = Price.of("100");
        assertEquals(100, hundred.raw());
        assertEquals(0, hundred.scale());
        Price zero = new Price(0, 7);
        assertEquals(0, zero.raw());
        assertEquals(0, zero.scale());
    }

    @Test
    void twelveDecimalsAreAcceptedAndThirteenRejectedWithMessage() {
        assertEquals(new Price(1, 12), Price.of("0.000000000001"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Price.of("0.0000000000001"));
        assertTrue(e.getMessage().contains("more than 12 decimals"), e.getMessage());
        assertTrue(e.getMessage().contains("0.0000000000001"), e.getMessage());
        assertTrue(e.getMessage().startsWith("price"), e.getMessage());
    }

    @Test
    void trailingZerosBeyondTwelveDecimalsAreNotPrecisionLoss() {
        assertEquals(Price.ofUnits(1), Price.of("1.0000000000000000"));
    }

    @Test
    void constructorRejectsScaleOutsideRange() {
        assertThrows(IllegalArgumentException.class, () -> new Price(1, 13));
        assertThrows(IllegalArgumentException.class, () -> new Price(1, -1));
    }

    @Test
    void blankInputIsRejectedNamingWhatWasParsed() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Price.of("   "));
        assertEquals("price is empty", blank.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> Price.of((String) null));
        assertEquals("price is empty", nul.getMessage());
    }

    @Test
    void textInputIsRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Price.of("12,5"));
        assertTrue(e.getMessage().contains("'12,5'"), e.getMessage());
        assertTrue(e.getMessage().contains("price"), e.getMessage());
        IllegalArgumentException abc = assertThrows(IllegalArgumentException.class, () -> Price.of("abc"));
        assertTrue(abc.getMessage().contains("'abc'"), abc.getMessage());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(Price.of("1.5"), Price.of(" 1.5 "));
    }

    @Test
    void addAndSubtractAcrossScalesAreExact() {
        assertEquals(Price.of("100.2"), Price.of("100.15").plus(Price.of("0.05")));
        assertEquals(Price.of("0.3"), Price.of("0.1").plus(Price.of("0.2")));
        assertEquals(Price.of("99.999999999999"), Price.ofUnits(100).minus(Price.of("0.000000000001")));
        assertEquals(Price.of("-0.5"), Price.of("1").minus(Price.of("1.5")));
        assertEquals(Price.ofUnits(0), Price.of("1.10").minus(Price.of("1.1")));
    }

    @Test
    void additionOverflowThrowsRatherThanWraps() {
        Price max = new Price(Long.MAX_VALUE, 0);
        assertOverflowThrows(() -> max.plus(Price.ofUnits(1)));
        assertOverflowThrows(() -> max.plus(Price.of("0.5")));
        Price min = new Price(Long.MIN_VALUE, 0);
        assertOverflowThrows(() -> min.minus(Price.ofUnits(1)));
    }

    @Test
    void subtractingTheMostNegativePriceThrowsRatherThanWraps() {
        Price min = new Price(Long.MIN_VALUE, 0);
        // 0 - (-2^63) = 2^63 and 1 - (-2^63) = 2^63 + 1 do not fit a long.
        assertOverflowThrows(() -> Price.ofUnits(0).minus(min));
        assertOverflowThrows(() -> Price.ofUnits(1).minus(min));
    }

    @Test
    void parsingOutOfRangeIsRejectedNotTruncated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Price.of("9223372036854775808"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertOverflowThrows(() -> Price.of("92233720368.54775808"));
    }

    @Test
    void compareToIsNumericAcrossScales() {
        assertTrue(Price.of("1.1").compareTo(Price.of("1.09999")) > 0);
        assertTrue(Price.of("0.9").compareTo(Price.ofUnits(1)) < 0);
        assertEquals(0, Price.of("2.50").compareTo(Price.of("2.5")));
        assertEquals(Price.of("2"), Price.of("2").max(Price.of("1.99")));
        assertEquals(Price.of("1.99"), Price.of("2").min(Price.of("1.99")));
    }

    @Test
    void isPositiveOnlyForStrictlyPositive() {
        assertTrue(Price.of("0.000000000001").isPositive());
        assertFalse(Price.ofUnits(0).isPositive());
        assertFalse(Price.of("-1").isPositive());
    }

    @Test
    void timesRoundsHalfEvenToRequestedScale() {
        assertEquals(Price.of("2.12"), Price.of("1.4125").times(new BigDecimal("1.5"), 2)); // 2.11875 -> 2.12
        assertEquals(Price.of("0.12"), Price.of("0.125").times(BigDecimal.ONE, 2));
        assertEquals(Price.of("0.14"), Price.of("0.135").times(BigDecimal.ONE, 2));
    }

    @Test
    void notionalIsExactDecimalProduct() {
        // 0.1 * 0.3 in double is 0.030000000000000002
        assertEquals(Money.of("0.03", "USDT"), Price.of("0.1").notional(Quantity.of("0.3"), "USDT"));
        assertEquals(Money.of("97500.18", "USDT"), Price.of("65000.12").notional(Quantity.of("1.5"), "USDT"));
    }

    @Test
    void notionalIsRoundedHalfEvenToEightDecimals() {
        // 12345.67 * 0.00012345 = 1.5240729615
        assertEquals(Money.of("1.52407296", "USDT"), Price.of("12345.67").notional(Quantity.of("0.00012345"), "USDT"));
        // 0.00000001 * 0.5 = 0.000000005 -> ties to even (0)
        assertEquals(Money.zero("USDT"), Price.of("0.00000001").notional(Quantity.of("0.5"), "USDT"));
        // 0.00000003 * 0.5 = 0.000000015 -> ties to even (2)
        assertEquals(Money.of("0.00000002", "USDT"), Price.of("0.00000003").notional(Quantity.of("0.5"), "USDT"));
    }
}
