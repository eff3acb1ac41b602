package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HmaTest {

    /**
     * HMA(4) = WMA(2·WMA(x, 2) − WMA(x, 4), 2) on x = 2, 4, 8, 6, 10, 12 (index t from 0).
     *
     * <pre>
     * WMA(x,2)_t = (x_{t-1} + 2·x_t) / 3
     * WMA(x,4)_t = (x_{t-3} + 2·x_{t-2} + 3·x_{t-1} + 4·x_t) / 10
     *
     * t=3: WMA2 = (8 + 2·6)/3 = 20/3;   WMA4 = (2 + 8 + 24 + 24)/10 = 5.8;   d3 = 40/3 − 5.8 = 113/15
     * t=4: WMA2 = (6 + 2·10)/3 = 26/3;  WMA4 = (4 + 16 + 18 + 40)/10 = 7.8;  d4 = 52/3 − 7.8 = 143/15
     * t=5: WMA2 = (10 + 2·12)/3 = 34/3; WMA4 = (8 + 12 + 30 + 48)/10 = 9.8;  d5 = 68/3 − 9.8 = 193/15
     *
     * HMA_4 = (d3 + 2·d4)/3 = (113 + 286)/45 = 399/45 = 133/15 ≈ 8.8667   (first value: 4 + ⌊√4⌋ − 1 = 5th input)
     * HMA_5 = (d4 + 2·d5)/3 = (143 + 386)/45 = 529/45 ≈ 11.7556
     * </pre>
     */
    @Test
    void handWorkedPeriodFour() {
        double[] xs = {2, 4, 8, 6, 10, 12};
        double[] expected = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 133.0 / 15, 529.0 / 45};
        Hma hma = new Hma(4);
        assertEquals(5, hma.warmUp());
        for (int i = 0; i < xs.length; i++) {
            hma.update(xs[i]);
            assertEquals(expected[i], hma.value(), 1e-12, "after input " + (i + 1));
            assertEquals(i >= 4, hma.isReady());
        }
    }

    /** On a straight line the Hull average has no lag: it returns the line itself. */
    @Test
    void followsALineWithoutLag() {
        Hma hma = new Hma(9);
        assertEquals(11, hma.warmUp(), "9 + floor(sqrt 9) - 1");
        for (int t = 0; t < 40; t++) {
            hma.update(100 + 3.0 * t);
            if (t >= 10) {
                assertEquals(100 + 3.0 * t, hma.value(), 1e-9);
            } else {
                assertFalse(hma.isReady());
            }
        }
    }

    @Test
    void sqrtOfANonSquarePeriodRoundsDown() {
        assertEquals(10 + 3 - 1, new Hma(10).warmUp());
        assertEquals(16 + 4 - 1, new Hma(16).warmUp());
    }

    @Test
    void periodBelowTwoRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Hma(1));
        assertTrue(e.getMessage().contains("period"));
    }
}
