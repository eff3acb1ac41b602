package dev.trader.domain.money;

import static dev.trader.domain.money.OverflowAssertions.assertOverflowThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static Money usdt(String amount) {
        return Money.of(amount, "USDT");
    }

    @Test
    void moneyEqualityIsNumericAcrossScales() {
        assertEquals(usdt("10.50"), usdt("10.5"));
        assertEquals(usdt("10.50").hashCode(), usdt("10.5").hashCode());
        assertEquals(Money.zero("USDT"), usdt("0.00000000"));
        assertNotEquals(usdt("1"), Money.of("1", "USD"));
    }

    @Test
    void roundsHalfEvenToEightDecimals() {
        assertEquals(usdt("1.12345678"), usdt("1.123456785"));   // tie, 8 is even: stays
        assertEquals(usdt("1.1234568"), usdt("1.123456795"));    // tie, 9 is odd: up to ...80
        assertEquals(usdt("1.12345679"), usdt("1.1234567851"));  // above the tie: up
        assertEquals(Money.zero("USDT"), usdt("0.000000005"));
        assertEquals(usdt("0.00000002"), usdt("0.000000015"));
        assertEquals(usdt("0.00000002"), usdt("0.000000025"));
        assertEquals(usdt("-0.00000002"), usdt("-0.000000015"));
        assertEquals(usdt("-0.00000002"), usdt("-0.000000025"));
    }

    @Test
    void moreThanTwelveDecimalsAreRoundedNotRejected() {
        assertEquals(usdt("0.12345679"), usdt("0.1234567890123456"));
    }

    @Test
    void blankAndTextInputRejectedNamingTheValue() {
        assertEquals("money is empty", assertThrows(IllegalArgumentException.class, () -> usdt(" ")).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> usdt("1.2.3"));
        assertTrue(e.getMessage().contains("money") && e.getMessage().contains("'1.2.3'"), e.getMessage());
    }

    @Test
    void blankCurrencyRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", " "));
        assertThrows(NullPointerException.class, () -> Money.of("1", null));
    }

    @Test
    void addAndSubtractAcrossScalesAreExact() {
        assertEquals(usdt("0.3"), usdt("0.1").plus(usdt("0.2")));
        assertEquals(usdt("100.00000001"), usdt("100").plus(usdt("0.00000001")));
        assertEquals(usdt("-0.5"), usdt("1").minus(usdt("1.5")));
        assertEquals(Money.zero("USDT"), usdt("2.50").minus(usdt("2.5")));
    }

    @Test
    void currencyMismatchIsRejectedNamingBoth() {
        Money a = usdt("1");
        Money b = Money.of("1", "USD");
        for (IllegalArgumentException e : new IllegalArgumentException[] {
                assertThrows(IllegalArgumentException.class, () -> a.plus(b)),
                assertThrows(IllegalArgumentException.class, () -> a.minus(b)),
                assertThrows(IllegalArgumentException.class, () -> a.compareTo(b))}) {
            assertEquals("currency mismatch: USDT vs USD", e.getMessage());
        }
    }

    @Test
    void timesRoundsHalfEven() {
        assertEquals(usdt("0.0999"), usdt("99.9").times(new BigDecimal("0.001")));
        // 0.00000001 * 0.5 = 0.000000005 -> 0 ; 0.00000003 * 0.5 -> 0.00000002
        assertEquals(Money.zero("USDT"), usdt("0.00000001").times(new BigDecimal("0.5")));
        assertEquals(usdt("0.00000002"), usdt("0.00000003").times(new BigDecimal("0.5")));
    }

    @Test
    void additionOverflowThrowsRatherThanWraps() {
        Money max = new Money(Long.MAX_VALUE, 0, "USDT");
        assertOverflowThrows(() -> max.plus(new Money(1, 0, "USDT")));
        assertOverflowThrows(() -> max.plus(usdt("0.5")));
        assertOverflowThrows(() -> new Money(Long.MIN_VALUE, 0, "USDT").negate());
        assertOverflowThrows(() -> usdt("100000000000").times(new BigDecimal("1000000000")));
    }

    @Test
    void subtractingTheMostNegativeAmountThrowsRatherThanWraps() {
        Money min = new Money(Long.MIN_VALUE, 0, "USDT");
        assertOverflowThrows(() -> Money.zero("USDT").minus(min));
        assertOverflowThrows(() -> usdt("1").minus(min));
    }

    @Test
    void outOfRangeAmountsAreRejected() {
        // 8 decimals leave room for about 9.2e10 units with full precision
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> usdt("92233720368.54775808"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void negativeAndSignAreReported() {
        assertTrue(usdt("-0.00000001").isNegative());
        assertFalse(Money.zero("USDT").isNegative());
        assertEquals(usdt("-3.25"), usdt("3.25").negate());
        assertTrue(usdt("1.1").compareTo(usdt("1.09")) > 0);
    }

    @Test
    void toStringIsPlainAmountAndCurrency() {
        assertEquals("1.5 USDT", usdt("1.50").toString());
        assertEquals("100 USDT", usdt("1E+2").toString());
    }
}
