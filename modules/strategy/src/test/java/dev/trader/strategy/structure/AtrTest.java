package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AtrTest {

    @Test
    void matchesTaLibAtr14OnTheGoldenBars() {
        List<Candle> bars = Fixtures.golden1h();
        Atr atr = new Atr(14);
        int compared = 0;
        for (int i = 0; i < bars.size(); i++) {
            Candle b = bars.get(i);
            atr.update(b.open(), b.high(), b.low(), b.close(), b.volume());
            double expected = b.extra(Fixtures.GOLDEN_ATR14);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(atr.value()), "warm-up at bar " + i);
                assertFalse(atr.isReady());
            } else {
                assertEquals(expected, atr.value(), Math.abs(expected) * 1e-12, "ATR14 at bar " + i);
                compared++;
            }
        }
        assertEquals(bars.size() - 14, compared);
        assertEquals(15, atr.warmUp());
    }

    @Test
    void seedIsTheMeanOfTheFirstPeriodTrueRangesThenWilderSmoothing() {
        // closes 8, 8.5, 8, 8.5, 8.25 with highs 9, 10, 9.5, 10.5, 9.5: TR = 2, 1.5, 2.5, 1.25 (the first bar has none)
        Atr atr = new Atr(3);
        double[][] hlc = {{9, 8, 8}, {10, 8.5, 8.5}, {9.5, 8, 8}, {10.5, 8.5, 8.5}, {9.5, 8.25, 8.25}};
        for (int i = 0; i < 4; i++) {
            atr.update(hlc[i][0], hlc[i][1], hlc[i][2]);
        }
        assertEquals(2.0, atr.value(), 1e-12);
        atr.update(hlc[4][0], hlc[4][1], hlc[4][2]);
        assertEquals(1.75, atr.value(), 1e-12);
    }
}
