package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeltnerTest {

    @Test
    void handWorkedExample() {
        // Keltner(EMA 3, ATR 2, x2); bars (high, low, close):
        // b1 (10, 8, 9)
        // b2 (11, 9, 10): TR = max(2, |11-9|, |9-9|) = 2
        // b3 (12, 9, 11): TR = max(3, |12-10|, |9-10|) = 3 -> ATR = (2 + 3) / 2 = 2.5; EMA = (9 + 10 + 11) / 3 = 10
        //                 upper 10 + 2 * 2.5 = 15, lower 5
        // b4 (14, 11, 13): TR = max(3, |14-11|, |11-11|) = 3 -> ATR = (2.5 * 1 + 3) / 2 = 2.75;
        //                 EMA = 10 + 0.5 * (13 - 10) = 11.5; upper 17, lower 6
        Keltner k = new Keltner(3, 2, 2.0);
        assertEquals(3, k.warmUp());
        k.update(10, 8, 9);
        k.update(11, 9, 10);
        assertFalse(k.isReady());
        assertTrue(Double.isNaN(k.upper()) && Double.isNaN(k.middle()) && Double.isNaN(k.lower()));
        k.update(12, 9, 11);
        assertTrue(k.isReady());
        assertEquals(10.0, k.middle(), 1e-12);
        assertEquals(2.5, k.atr(), 1e-12);
        assertEquals(15.0, k.upper(), 1e-12);
        assertEquals(5.0, k.lower(), 1e-12);
        k.update(14, 11, 13);
        assertEquals(11.5, k.middle(), 1e-12);
        assertEquals(2.75, k.atr(), 1e-12);
        assertEquals(17.0, k.upper(), 1e-12);
        assertEquals(6.0, k.lower(), 1e-12);
    }

    @Test
    void stockChartsDefaultsWarmUpIsTwentyBars() {
        assertEquals(20, Keltner.stockChartsDefaults().warmUp());
        assertEquals(12, new Keltner(5, 11, 1.5).warmUp());
    }

    /**
     * StockCharts' Keltner(20, 10, 2) ({@code cs-kc}, published to 15 decimals). Its file seeds
     * the EMA with the first close and the ATR with the mean of the first 10 true ranges counting
     * the first bar's high − low; ours seed TA-Lib's way (EMA with the SMA of 20 closes, ATR from
     * the second bar). With only 30 rows the seeds never wash out (the gap shrinks from 4.3e-2 to
     * 1.6e-2), so this proves the rest exactly: after our warm-up the gap between the two middles
     * must shrink by exactly 1 − 2/21 a bar (the same EMA recurrence on the same closes) and the
     * gap between the ATRs by exactly 9/10 (the same Wilder recurrence on the same true ranges),
     * and both must put the bands at middle ± 2 ATR. Tolerance 1e-12: the file's rounding at 15
     * decimals and our double arithmetic.
     */
    @Test
    void followsStockChartsRecurrencesSoOnlyTheSeedGapRemainsAndItDecays() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-kc.csv.gz");
        double[] high = f.column("High");
        double[] low = f.column("Low");
        double[] close = f.column("Close");
        double[] middle = f.column("middle_band");
        double[] atr = f.column("atr");
        double[] upper = f.column("upper_band");
        double[] lower = f.column("lower_band");
        Keltner k = Keltner.stockChartsDefaults();
        double tolerance = 1e-12;
        double maxRecurrence = 0;
        double previousMiddleGap = Double.NaN;
        double previousAtrGap = Double.NaN;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            k.update(high[i], low[i], close[i]);
            if (!k.isReady()) {
                continue;
            }
            assertEquals(19, i - compared, "first value at row 19, the 20th bar");
            double middleGap = k.middle() - middle[i];
            double atrGap = k.atr() - atr[i];
            if (compared > 0) {
                maxRecurrence = Math.max(maxRecurrence, Math.abs(middleGap - previousMiddleGap * (1 - 2.0 / 21)));
                maxRecurrence = Math.max(maxRecurrence, Math.abs(atrGap - previousAtrGap * 0.9));
            }
            maxRecurrence = Math.max(maxRecurrence, Math.abs(k.upper() - k.middle() - 2 * k.atr()));
            maxRecurrence = Math.max(maxRecurrence, Math.abs(k.middle() - k.lower() - 2 * k.atr()));
            maxRecurrence = Math.max(maxRecurrence, Math.abs(upper[i] - middle[i] - 2 * atr[i]));
            maxRecurrence = Math.max(maxRecurrence, Math.abs(middle[i] - lower[i] - 2 * atr[i]));
            previousMiddleGap = middleGap;
            previousAtrGap = atrGap;
            compared++;
        }
        System.out.printf("cs-kc: %d rows, max |recurrence error| %.3e (tolerance %.0e); seed gap at the last row: middle %.3e, ATR %.3e%n",
                compared, maxRecurrence, tolerance, previousMiddleGap, previousAtrGap);
        assertEquals(11, compared);
        assertTrue(maxRecurrence <= tolerance, "max recurrence error " + maxRecurrence);
        // And the seed gaps are what the two seedings predict, not an error elsewhere: bounded and shrinking.
        assertTrue(Math.abs(previousMiddleGap) < 0.02 && Math.abs(previousAtrGap) < 0.006);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(Keltner::stockChartsDefaults, 600,
                (k, i) -> k.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                k -> new double[] {k.upper(), k.middle(), k.lower(), k.atr()});
    }

    @Test
    void invalidParametersRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Keltner(0, 10, 2)).getMessage().contains("emaPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Keltner(20, 0, 2)).getMessage().contains("atrPeriod"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Keltner(20, 10, 0)).getMessage().contains("multiplier"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Keltner(20, 10, Double.NaN)).getMessage().contains("multiplier"));
    }
}
