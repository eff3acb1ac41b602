package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RsiTest {

    @Test
    void handWorkedPeriodThree() {
        // closes 10, 11, 10, 12 | 13, 11 → changes +1, −1, +2 | +1, −2
        // seed: avgGain = (1 + 2)/3 = 1, avgLoss = 1/3 → RSI = 100·1/(4/3) = 75 (4th input)
        // +1:   avgGain = (1·2 + 1)/3 = 1,     avgLoss = (1/3·2)/3 = 2/9     → 100·1/(11/9) = 900/11
        // −2:   avgGain = (1·2)/3 = 2/3,       avgLoss = (2/9·2 + 2)/3 = 22/27 → 100·(18/27)/(40/27) = 45
        double[] xs = {10, 11, 10, 12, 13, 11};
        double[] expected = {Double.NaN, Double.NaN, Double.NaN, 75, 900.0 / 11, 45};
        Rsi rsi = new Rsi(3);
        assertEquals(4, rsi.warmUp());
        for (int i = 0; i < xs.length; i++) {
            rsi.update(xs[i]);
            assertEquals(expected[i], rsi.value(), 1e-12, "after input " + (i + 1));
            assertEquals(i >= 3, rsi.isReady());
        }
    }

    @Test
    void aFlatMarketGivesZeroAsInTaLib() {
        Rsi rsi = new Rsi(3);
        for (int i = 0; i < 6; i++) {
            rsi.update(42);
        }
        assertEquals(0.0, rsi.value());
    }

    @Test
    void onlyGainsGiveOneHundred() {
        Rsi rsi = new Rsi(3);
        for (int i = 0; i < 6; i++) {
            rsi.update(i);
        }
        assertEquals(100.0, rsi.value());
    }

    @Test
    void nonPositivePeriodRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rsi(0));
        assertTrue(e.getMessage().contains("period"));
    }
}
