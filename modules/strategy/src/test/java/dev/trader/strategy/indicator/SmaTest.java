package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmaTest {

    @Test
    void meanOfTheLastPeriodInputsFromThePeriodthInputOn() {
        // period 3: (1+2+3)/3 = 2, (2+3+10)/3 = 5, (3+10+-4)/3 = 3
        double[] xs = {1, 2, 3, 10, -4};
        double[] expected = {Double.NaN, Double.NaN, 2, 5, 3};
        Sma sma = new Sma(3);
        for (int i = 0; i < xs.length; i++) {
            sma.update(xs[i]);
            assertEquals(expected[i], sma.value(), 1e-12, "after input " + (i + 1));
            assertEquals(i >= 2, sma.isReady());
        }
        assertEquals(3, sma.warmUp());
    }

    @Test
    void periodOneFollowsTheInput() {
        Sma sma = new Sma(1);
        assertFalse(sma.isReady());
        sma.update(7);
        assertTrue(sma.isReady());
        assertEquals(7.0, sma.value());
        sma.update(-2.5);
        assertEquals(-2.5, sma.value());
    }

    @Test
    void nonPositivePeriodRejectedNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sma(0));
        assertTrue(e.getMessage().contains("period"));
    }
}
