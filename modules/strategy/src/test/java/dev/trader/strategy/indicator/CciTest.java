package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CciTest {

    @Test
    void handWorkedExample() {
        // CCI(3). Typical prices 2, 4, 6 (bars (3,1,2), (5,3,4), (7,5,6)):
        //   mean 4, mean deviation (2 + 0 + 2) / 3 = 4/3, CCI = (6 - 4) / (0.015 * 4/3) = 2 / 0.02 = 100
        // Next tp 3 (bar (4,2,3)): window 4, 6, 3, mean 13/3, deviations 1/3 + 5/3 + 4/3 = 10/3, md = 10/9,
        //   CCI = (3 - 13/3) / (0.015 * 10/9) = (-4/3) / (1/60) = -80
        Cci cci = new Cci(3);
        cci.update(3, 1, 2);
        cci.update(5, 3, 4);
        assertFalse(cci.isReady());
        assertTrue(Double.isNaN(cci.value()));
        cci.update(7, 5, 6);
        assertTrue(cci.isReady());
        assertEquals(100.0, cci.value(), 1e-9);
        cci.update(4, 2, 3);
        assertEquals(-80.0, cci.value(), 1e-9);
    }

    @Test
    void flatPricesGiveZeroLikeTaLib() {
        // Every tp equal: tp - mean = 0 and mean deviation = 0, 0/0; TA-Lib outputs 0, so do we.
        Cci cci = new Cci(4);
        for (int i = 0; i < 6; i++) {
            cci.update(10, 10, 10);
        }
        assertEquals(0.0, cci.value());
    }

    /**
     * StockCharts' CCI(20) worksheet ({@code cs-cci}). Same definition, no seeding: the only
     * difference is the publication's rounding of the CCI to 4 decimals, so 5e-5 plus 1e-9.
     */
    @Test
    void matchesStockChartsCciAfterTheWarmUp() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-cci.csv.gz");
        double[] high = f.column("High");
        double[] low = f.column("Low");
        double[] close = f.column("Close");
        double[] expected = f.column("CCI");
        Cci cci = new Cci(20);
        double tolerance = 5e-5 + 1e-9;
        double max = 0;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            cci.update(high[i], low[i], close[i]);
            assertEquals(!Double.isNaN(expected[i]), cci.isReady(), "row " + i);
            if (cci.isReady()) {
                max = Math.max(max, Math.abs(cci.value() - expected[i]));
                compared++;
            }
        }
        System.out.printf("cs-cci: %d rows, max |error| %.3e (tolerance %.1e)%n", compared, max, tolerance);
        assertTrue(compared >= 10);
        assertTrue(max <= tolerance, "max CCI error " + max);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(() -> new Cci(20), 600,
                (c, i) -> c.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                c -> new double[] {c.value()});
    }

    @Test
    void periodBelowTwoRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Cci(1));
        assertTrue(e.getMessage().contains("period"));
    }
}
