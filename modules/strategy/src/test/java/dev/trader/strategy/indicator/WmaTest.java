package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WmaTest {

    @Test
    void handWorkedPeriodThree() {
        // weights 1, 2, 3 (oldest to newest), divider 1+2+3 = 6
        // after 1, 2, 3:   (1·1 + 2·2 + 3·3) / 6 = 14/6
        // after 4:         (1·2 + 2·3 + 3·4) / 6 = 20/6
        // after 10:        (1·3 + 2·4 + 3·10) / 6 = 41/6
        // after 0:         (1·4 + 2·10 + 3·0) / 6 = 24/6 = 4
        double[] xs = {1, 2, 3, 4, 10, 0};
        double[] expected = {Double.NaN, Double.NaN, 14.0 / 6, 20.0 / 6, 41.0 / 6, 4};
        Wma wma = new Wma(3);
        for (int i = 0; i < xs.length; i++) {
            wma.update(xs[i]);
            assertEquals(expected[i], wma.value(), 1e-12, "after input " + (i + 1));
            assertEquals(i >= 2, wma.isReady());
        }
        assertEquals(3, wma.warmUp());
    }

    @Test
    void periodOneFollowsTheInput() {
        Wma wma = new Wma(1);
        wma.update(5);
        assertEquals(5.0, wma.value());
        wma.update(8);
        assertEquals(8.0, wma.value(), 1e-12);
    }

    /**
     * StockCharts' WMA worked example (via bukosabino/ta's test data), period 9. Its first rows
     * already carry values computed from bars outside the file, so only rows from the ninth on —
     * where our window lies inside the file — are compared. StockCharts prints 4 decimals.
     */
    @Test
    void stockChartsWorkedExample() {
        GoldenCsv csv = GoldenCsv.resource("/golden/stockcharts/cs-wma.csv.gz");
        double[] close = csv.numbers("Close");
        double[] expected = csv.numbers("WMA");
        Wma wma = new Wma(9);
        double max = 0;
        for (int i = 0; i < close.length; i++) {
            wma.update(close[i]);
            if (i >= 8) {
                double e = Math.abs(wma.value() - expected[i]);
                assertTrue(e <= 0.5e-4 + 1e-9, "row " + i + ": " + wma.value() + " vs " + expected[i]);
                max = Math.max(max, e);
            }
        }
        Golden.record("StockCharts cs-wma WMA(9) rows 8.. [absolute error, printed to 4 decimals]", max);
    }

    @Test
    void nonPositivePeriodRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Wma(0));
        assertTrue(e.getMessage().contains("period"));
    }
}
