package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StochasticTest {

    @Test
    void handWorkedFastSlowKAndSlowD() {
        // Stochastic(3, 2, 2); bars (high, low, close):
        // 1 (10, 8, 9)  2 (11, 9, 10)  3 (12, 10, 11): HH 12, LL 8 -> fast %K = 100 * (11 - 8) / 4 = 75
        // 4 (13, 11, 13): bars 2-4 HH 13, LL 9 -> 100 * 4 / 4 = 100; slow %K = (75 + 100) / 2 = 87.5
        // 5 (12, 10, 10): bars 3-5 HH 13, LL 10 -> 0; slow %K = (100 + 0) / 2 = 50; slow %D = (87.5 + 50) / 2 = 68.75
        // 6 (11, 9, 9):   bars 4-6 HH 13, LL 9 -> 0;  slow %K = 0; slow %D = (50 + 0) / 2 = 25
        Stochastic s = new Stochastic(3, 2, 2);
        assertEquals(5, s.warmUp());
        double[][] bars = {{10, 8, 9}, {11, 9, 10}, {12, 10, 11}, {13, 11, 13}};
        for (double[] b : bars) {
            s.update(b[0], b[1], b[2]);
            assertFalse(s.isReady());
            assertTrue(Double.isNaN(s.fastK()) && Double.isNaN(s.slowK()) && Double.isNaN(s.slowD()));
        }
        s.update(12, 10, 10);
        assertTrue(s.isReady());
        assertEquals(0.0, s.fastK(), 1e-12);
        assertEquals(50.0, s.slowK(), 1e-12);
        assertEquals(68.75, s.slowD(), 1e-12);
        s.update(11, 9, 9);
        assertEquals(0.0, s.fastK(), 1e-12);
        assertEquals(0.0, s.slowK(), 1e-12);
        assertEquals(25.0, s.slowD(), 1e-12);
    }

    @Test
    void flatPricesGiveZeroLikeTaLib() {
        // highest high = lowest low: (close - LL) / (HH - LL) is 0/0; TA-Lib outputs 0, so do we.
        Stochastic s = new Stochastic(3, 1, 1);
        for (int i = 0; i < 5; i++) {
            s.update(5, 5, 5);
        }
        assertTrue(s.isReady());
        assertEquals(0.0, s.fastK());
        assertEquals(0.0, s.slowK());
        assertEquals(0.0, s.slowD());
    }

    @Test
    void taLibDefaultsAreFiveThreeThreeWithAWarmUpOfNine() {
        Stochastic s = Stochastic.taLibDefaults();
        assertEquals(9, s.warmUp());
        double[][] bars = StockChartsFixture.btcHourlyBars();
        for (int i = 0; i < 9; i++) {
            assertFalse(s.isReady());
            s.update(bars[0][i], bars[1][i], bars[2][i], bars[3][i], bars[4][i]);
        }
        assertTrue(s.isReady());
        assertTrue(s.slowD() >= 0 && s.slowD() <= 100);
    }

    /**
     * StockCharts' fast stochastic %K(14) with %D = SMA(3) ({@code cs-soo}): {@code new
     * Stochastic(14, 1, 3)}. Both conventions agree exactly (no seeding involved), so the only
     * difference is the publication's rounding to 6 decimals. %K: tolerance 5e-7, half a unit in
     * the last published place, plus 1e-9 for our own arithmetic. %D: 1e-6 plus 1e-9, because the
     * worksheet averages the already rounded %K cells and rounds the average again (row 17: the
     * exact %D is 78.92012471, the mean of the three published %K is 78.92012433, published
     * 78.920124), two half-units. The worksheet leaves its first
     * possible %D (row 15, the mean of %K rows 13-15) empty and starts at row 16; ours starts at
     * row 15, checked against the mean of the three published %K values.
     */
    @Test
    void matchesStockChartsFastStochasticAfterTheWarmUp() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-soo.csv.gz");
        double[] high = f.column("High");
        double[] low = f.column("Low");
        double[] close = f.column("Close");
        double[] so = f.column("SO");
        double[] signal = f.column("SO_SIG");
        Stochastic withD = new Stochastic(14, 1, 3);
        Stochastic kOnly = new Stochastic(14, 1, 1);
        double tolerance = 5e-7 + 1e-9;
        double toleranceD = 1e-6 + 1e-9;
        double maxK = 0;
        double maxD = 0;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            withD.update(high[i], low[i], close[i]);
            kOnly.update(high[i], low[i], close[i]);
            assertEquals(!Double.isNaN(so[i]), kOnly.isReady(), "row " + i);
            assertEquals(i >= 15, withD.isReady(), "row " + i);
            if (kOnly.isReady()) {
                maxK = Math.max(maxK, Math.abs(kOnly.fastK() - so[i]));
            }
            if (withD.isReady()) {
                double expectedD = Double.isNaN(signal[i]) ? (so[i - 2] + so[i - 1] + so[i]) / 3 : signal[i];
                maxK = Math.max(maxK, Math.abs(withD.slowK() - so[i]));
                maxD = Math.max(maxD, Math.abs(withD.slowD() - expectedD));
                compared++;
            }
        }
        System.out.printf("cs-soo: %d rows, max |error| %%K %.3e (tolerance %.1e), %%D %.3e (tolerance %.1e)%n",
                compared, maxK, tolerance, maxD, toleranceD);
        assertEquals(15, compared);
        assertTrue(maxK <= tolerance, "max %K error " + maxK);
        assertTrue(maxD <= toleranceD, "max %D error " + maxD);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(Stochastic::taLibDefaults, 600,
                (s, i) -> s.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                s -> new double[] {s.fastK(), s.slowK(), s.slowD()});
    }

    @Test
    void periodsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Stochastic(0, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new Stochastic(5, 0, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Stochastic(5, 3, -1));
        assertTrue(e.getMessage().contains("slowDPeriod"));
    }
}
