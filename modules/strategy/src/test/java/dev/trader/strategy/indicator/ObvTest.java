package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObvTest {

    @Test
    void handWorkedExampleStartingAtTheFirstVolumeLikeTaLib() {
        // closes 10, 11, 11, 9, 12 with volumes 100, 200, 300, 400, 500:
        // 100 (TA-Lib's start), +200 = 300, unchanged = 300, -400 = -100, +500 = 400
        Obv obv = new Obv();
        assertFalse(obv.isReady());
        assertTrue(Double.isNaN(obv.value()));
        double[] closes = {10, 11, 11, 9, 12};
        double[] volumes = {100, 200, 300, 400, 500};
        double[] expected = {100, 300, 300, -100, 400};
        for (int i = 0; i < closes.length; i++) {
            obv.update(closes[i], volumes[i]);
            assertTrue(obv.isReady());
            assertEquals(expected[i], obv.value(), 0.0, "bar " + i);
        }
    }

    @Test
    void zeroVolumeBarsChangeNothing() {
        Obv obv = new Obv();
        obv.update(10, 0);
        obv.update(12, 0);
        obv.update(8, 0);
        assertEquals(0.0, obv.value());
    }

    /**
     * StockCharts' OBV worksheet ({@code cs-obv}): its first row has no volume, so TA-Lib's start
     * (the first volume) and StockCharts' (0) coincide and the series must be equal exactly; the
     * volumes are integers, so no rounding either. Tolerance 0.
     */
    @Test
    void matchesStockChartsObvExactly() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-obv.csv.gz");
        double[] close = f.column("Close");
        double[] volume = f.column("Volume");
        double[] expected = f.column("OBV");
        Obv obv = new Obv();
        double max = 0;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            obv.update(close[i], Double.isNaN(volume[i]) ? 0 : volume[i]);
            if (!Double.isNaN(expected[i])) {
                max = Math.max(max, Math.abs(obv.value() - expected[i]));
                compared++;
            }
        }
        System.out.printf("cs-obv: %d rows, max |error| %.3e (tolerance 0)%n", compared, max);
        assertTrue(compared >= 20);
        assertEquals(0.0, max);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(Obv::new, 600,
                (o, i) -> o.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                o -> new double[] {o.value()});
    }
}
