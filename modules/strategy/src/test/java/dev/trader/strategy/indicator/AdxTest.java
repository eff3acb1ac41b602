package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdxTest {

    /**
     * Period 2, bars (high, low, close). TA-Lib's seed sums only period − 1 = 1 bar before the
     * smoothing s = s − s/2 + x starts.
     *
     * <pre>
     * bar 1  11/−   (10, 8, 9)    only remembered
     * bar 2  (11, 9, 10)  +M = 1, −M = −1 → +DM 1;  TR = max(2, |11−9|, |9−9|) = 2   sums: +DM 1, −DM 0, TR 2
     * bar 3  (12, 9, 11)  +M = 1, −M = 0  → +DM 1;  TR = max(3, 2, 1) = 3
     *        +DM = 1 − 1/2 + 1 = 1.5, −DM = 0, TR = 2 − 1 + 3 = 4 → +DI 37.5, −DI 0, DX 100
     * bar 4  (11, 7, 8)   +M = −1, −M = 2 → −DM 2;  TR = max(4, 0, 4) = 4
     *        +DM = 0.75, −DM = 2, TR = 4 − 2 + 4 = 6 → +DI 12.5, −DI 100/3,
     *        DX = 100·(125/6)/(275/6) = 500/11;  ADX = (100 + 500/11)/2 = 800/11   (bar 2·period)
     * bar 5  (9, 7, 8)    +M = −2, −M = 0 → none;   TR = max(2, 1, 1) = 2
     *        +DM = 0.375, −DM = 1, TR = 3 + 2 = 5 → +DI 7.5, −DI 20, DX = 100·12.5/27.5 = 500/11
     *        ADX = (800/11 + 500/11)/2 = 650/11
     * </pre>
     */
    @Test
    void handWorkedPeriodTwo() {
        double[][] hlc = {{10, 8, 9}, {11, 9, 10}, {12, 9, 11}, {11, 7, 8}, {9, 7, 8}};
        double nan = Double.NaN;
        double[] plusDi = {nan, nan, 37.5, 12.5, 7.5};
        double[] minusDi = {nan, nan, 0, 100.0 / 3, 20};
        double[] adx = {nan, nan, nan, 800.0 / 11, 650.0 / 11};
        Adx indicator = new Adx(2);
        assertEquals(4, indicator.warmUp());
        assertEquals(3, indicator.diWarmUp());
        for (int i = 0; i < hlc.length; i++) {
            indicator.update(0, hlc[i][0], hlc[i][1], hlc[i][2], 0);
            assertEquals(plusDi[i], indicator.plusDi(), 1e-12, "+DI after bar " + (i + 1));
            assertEquals(minusDi[i], indicator.minusDi(), 1e-12, "−DI after bar " + (i + 1));
            assertEquals(adx[i], indicator.adx(), 1e-12, "ADX after bar " + (i + 1));
            assertEquals(adx[i], indicator.value(), 1e-12);
            assertEquals(i >= 3, indicator.isReady());
        }
    }

    @Test
    void aMotionlessMarketHasZeroDirectionalIndicators() {
        Adx adx = new Adx(3);
        for (int i = 0; i < 10; i++) {
            adx.update(5, 5, 5, 5, 0);
        }
        // TR within 1e-8 of 0: TA-Lib's PLUS_DI/MINUS_DI give 0 and ADX keeps its (empty) sum.
        assertEquals(0.0, adx.plusDi());
        assertEquals(0.0, adx.minusDi());
        assertEquals(0.0, adx.adx());
        assertTrue(adx.isReady());
    }

    @Test
    void periodBelowTwoRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adx(1));
        assertTrue(e.getMessage().contains("period"));
        assertFalse(new Adx(2).isReady());
    }
}
