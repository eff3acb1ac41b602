package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DonchianTest {

    @Test
    void handWorkedExample() {
        // Donchian(3); bars (high, low): (10, 8) (12, 9) (11, 7) (9, 8) (10, 9)
        // after bar 3: upper max(10, 12, 11) = 12, lower min(8, 9, 7) = 7, middle 9.5
        // after bar 4: bars 2-4: upper 12, lower 7
        // after bar 5: bars 3-5: upper max(11, 9, 10) = 11, lower min(7, 8, 9) = 7, middle 9
        Donchian d = new Donchian(3);
        d.update(10, 8);
        d.update(12, 9);
        assertFalse(d.isReady());
        assertTrue(Double.isNaN(d.upper()) && Double.isNaN(d.lower()) && Double.isNaN(d.middle()));
        d.update(11, 7);
        assertTrue(d.isReady());
        assertEquals(12.0, d.upper());
        assertEquals(7.0, d.lower());
        assertEquals(9.5, d.middle());
        d.update(9, 8);
        assertEquals(12.0, d.upper());
        assertEquals(7.0, d.lower());
        d.update(10, 9);
        assertEquals(11.0, d.upper());
        assertEquals(7.0, d.lower());
        assertEquals(9.0, d.middle());
    }

    /**
     * StockCharts' Donchian(20) ({@code cs-dc}): upper and lower are prices of the input, so they
     * must match exactly; the middle is published rounded to 2 decimals, so 0.005 plus 1e-9.
     */
    @Test
    void matchesStockChartsDonchianAfterTheWarmUp() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-dc.csv.gz");
        double[] high = f.column("high");
        double[] low = f.column("low");
        double[] upper = f.column("upper_band");
        double[] lower = f.column("lower_band");
        double[] middle = f.column("middle_band");
        Donchian d = new Donchian(20);
        double maxBand = 0;
        double maxMiddle = 0;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            d.update(high[i], low[i]);
            assertEquals(!Double.isNaN(upper[i]), d.isReady(), "row " + i);
            if (d.isReady()) {
                maxBand = Math.max(maxBand, Math.max(Math.abs(d.upper() - upper[i]), Math.abs(d.lower() - lower[i])));
                maxMiddle = Math.max(maxMiddle, Math.abs(d.middle() - middle[i]));
                compared++;
            }
        }
        System.out.printf("cs-dc: %d rows, max |error| bands %.3e (tolerance 0), middle %.3e (tolerance 5e-3)%n", compared, maxBand, maxMiddle);
        assertTrue(compared >= 10);
        assertEquals(0.0, maxBand);
        assertTrue(maxMiddle <= 0.005 + 1e-9, "max middle error " + maxMiddle);
    }

    /**
     * {@code cs-dc2} is the same channel shifted one bar later (the channel of the 20 bars before
     * the current one, the breakout form): our channel after bar i-1 must be its row i. Same
     * tolerances as {@code cs-dc}.
     */
    @Test
    void stockChartsShiftedVariantIsTheChannelOfTheBarsBefore() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-dc2.csv.gz");
        double[] high = f.column("high");
        double[] low = f.column("low");
        double[] upper = f.column("upper_band");
        double[] lower = f.column("lower_band");
        double[] middle = f.column("middle_band");
        Donchian d = new Donchian(20);
        int compared = 0;
        double maxMiddle = 0;
        for (int i = 0; i < f.size(); i++) {
            boolean readyBefore = d.isReady();
            assertEquals(!Double.isNaN(upper[i]), readyBefore, "row " + i);
            if (readyBefore) {
                assertEquals(upper[i], d.upper(), 0.0, "row " + i);
                assertEquals(lower[i], d.lower(), 0.0, "row " + i);
                maxMiddle = Math.max(maxMiddle, Math.abs(d.middle() - middle[i]));
                compared++;
            }
            d.update(high[i], low[i]);
        }
        System.out.printf("cs-dc2: %d rows, bands exact, max |error| middle %.3e (tolerance 5e-3)%n", compared, maxMiddle);
        assertTrue(compared >= 9);
        assertTrue(maxMiddle <= 0.005 + 1e-9);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(() -> new Donchian(20), 600,
                (d, i) -> d.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                d -> new double[] {d.upper(), d.middle(), d.lower()});
    }

    @Test
    void periodMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Donchian(0));
        assertTrue(e.getMessage().contains("period"));
    }
}
