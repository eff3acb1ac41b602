package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BollingerBandsTest {

    @Test
    void handWorkedPeriodThree() {
        // 1, 2, 3: mean 2, population variance ((1−2)² + 0 + (3−2)²)/3 = 2/3, σ = √(2/3)
        // then 2, 3, 7: mean 4, variance (4 + 1 + 9)/3 = 14/3
        BollingerBands bb = new BollingerBands(3, 2.0);
        bb.update(1);
        bb.update(2);
        assertTrue(Double.isNaN(bb.upper()) && Double.isNaN(bb.middle()) && Double.isNaN(bb.lower()));
        bb.update(3);
        assertTrue(bb.isReady());
        assertEquals(2.0, bb.middle(), 1e-12);
        assertEquals(2.0, bb.value(), 1e-12);
        assertEquals(2.0 + 2 * Math.sqrt(2.0 / 3), bb.upper(), 1e-12);
        assertEquals(2.0 - 2 * Math.sqrt(2.0 / 3), bb.lower(), 1e-12);
        bb.update(7);
        assertEquals(4.0, bb.middle(), 1e-12);
        assertEquals(4.0 + 2 * Math.sqrt(14.0 / 3), bb.upper(), 1e-12);
        assertEquals(4.0 - 2 * Math.sqrt(14.0 / 3), bb.lower(), 1e-12);
    }

    @Test
    void aConstantInputCollapsesTheBandsOntoTheMiddle() {
        BollingerBands bb = new BollingerBands(20);
        for (int i = 0; i < 100; i++) {
            bb.update(1.25);
        }
        assertEquals(1.25, bb.middle());
        assertEquals(1.25, bb.upper());
        assertEquals(1.25, bb.lower());
        assertEquals(2.0, bb.k());
    }

    /**
     * Like TA-Lib, σ² = Σx²/n − mean²: at BTC price levels Σx²/n is ~2e9, whose rounding unit is
     * ~5e-7, so a flat window leaves a residue above TA-Lib's 1e-8 and σ comes out at about 1e-3
     * rather than 0 — TA-Lib's BBANDS does the same. Relative to the price that is ~2e-8, and it is
     * TA-Lib's answer, which is what the bands must reproduce.
     */
    @Test
    void aConstantInputAtBtcLevelsKeepsTaLibsRoundingResidue() {
        BollingerBands bb = new BollingerBands(20);
        for (int i = 0; i < 100; i++) {
            bb.update(47_123.45);
        }
        assertEquals(47_123.45, bb.middle(), 1e-9);
        double width = bb.upper() - bb.middle();
        assertTrue(width >= 0 && width < 1e-2, "residual width " + width);
        assertEquals(bb.middle() - bb.lower(), width, 1e-9);
    }

    /**
     * StockCharts' Bollinger Bands worked example (20, 2; population σ like TA-Lib), printed to 6
     * decimals: the same definition, so every printed row is compared.
     */
    @Test
    void stockChartsWorkedExample() {
        GoldenCsv csv = GoldenCsv.resource("/golden/stockcharts/cs-bbands.csv.gz");
        double[] close = csv.numbers("Close");
        double[] middle = csv.numbers("MiddleBand");
        double[] upper = csv.numbers("HighBand");
        double[] lower = csv.numbers("LowBand");
        BollingerBands bb = new BollingerBands(20, 2.0);
        double max = 0;
        int compared = 0;
        for (int i = 0; i < close.length; i++) {
            bb.update(close[i]);
            assertEquals(Double.isNaN(middle[i]), !bb.isReady(), "row " + i);
            if (bb.isReady()) {
                compared++;
                for (double[] pair : new double[][] {{bb.middle(), middle[i]}, {bb.upper(), upper[i]},
                    {bb.lower(), lower[i]}}) {
                    double e = Math.abs(pair[0] - pair[1]);
                    assertTrue(e <= 0.5e-6 + 1e-9, "row " + i + ": " + pair[0] + " vs " + pair[1]);
                    max = Math.max(max, e);
                }
            }
        }
        assertEquals(close.length - 19, compared);
        Golden.record("StockCharts cs-bbands BB(20,2) all rows [absolute error, printed to 6 decimals]", max);
    }

    @Test
    void parametersValidated() {
        IllegalArgumentException period = assertThrows(IllegalArgumentException.class, () -> new BollingerBands(1));
        assertTrue(period.getMessage().contains("Bollinger period"));
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> new BollingerBands(20, -1));
        assertTrue(k.getMessage().contains("Bollinger k"));
        assertThrows(IllegalArgumentException.class, () -> new BollingerBands(20, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BollingerBands(20, Double.POSITIVE_INFINITY));
    }
}
