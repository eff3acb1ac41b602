package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacdTest {

    /**
     * MACD(2, 4, 2) on 1, 2, 3, 4, 8, 5.
     *
     * <pre>
     * slow EMA(4), α = 0.4:  seed at input 4 = (1+2+3+4)/4 = 2.5;  input 5: 2.5 + 0.4·5.5 = 4.7;  input 6: 4.7 + 0.4·0.3 = 4.82
     * fast EMA(2), α = 2/3, aligned like TA-Lib: it starts at input 4 − 2 + 1 = 3,
     *                        seed at input 4 = (3+4)/2 = 3.5;  input 5: 3.5 + 2/3·4.5 = 6.5;  input 6: 6.5 − 2/3·1.5 = 5.5
     * line: input 4: 1.0;  input 5: 1.8;  input 6: 0.68
     * signal EMA(2) of the line: seed at input 5 = (1.0 + 1.8)/2 = 1.4;  input 6: 1.4 + 2/3·(0.68 − 1.4) = 0.92
     * TA-Lib outputs from input 4 + 2 − 1 = 5:  (1.8, 1.4, 0.4), then (0.68, 0.92, −0.24)
     * </pre>
     */
    @Test
    void handWorkedWithTaLibsAlignedSeeds() {
        double[] xs = {1, 2, 3, 4, 8, 5};
        double nan = Double.NaN;
        double[] line = {nan, nan, nan, nan, 1.8, 0.68};
        double[] signal = {nan, nan, nan, nan, 1.4, 0.92};
        double[] histogram = {nan, nan, nan, nan, 0.4, -0.24};
        Macd macd = new Macd(2, 4, 2);
        assertEquals(5, macd.warmUp());
        for (int i = 0; i < xs.length; i++) {
            macd.update(xs[i]);
            assertEquals(line[i], macd.line(), 1e-12, "line after input " + (i + 1));
            assertEquals(line[i], macd.value(), 1e-12);
            assertEquals(signal[i], macd.signal(), 1e-12, "signal after input " + (i + 1));
            assertEquals(histogram[i], macd.histogram(), 1e-12, "histogram after input " + (i + 1));
            assertEquals(i >= 4, macd.isReady());
        }
    }

    @Test
    void defaultsWarmUpForThirtyFourBars() {
        Macd macd = new Macd(12, 26, 9);
        assertEquals(34, macd.warmUp());
        assertEquals(12, macd.fastPeriod());
        assertEquals(26, macd.slowPeriod());
        assertEquals(9, macd.signalPeriod());
    }

    @Test
    void parametersValidatedNamingTheParameter() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Macd(0, 26, 9))
                .getMessage().contains("fastPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Macd(26, 12, 9))
                .getMessage().contains("slowPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Macd(12, 12, 9))
                .getMessage().contains("slowPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Macd(12, 26, 0))
                .getMessage().contains("signalPeriod"));
    }
}
