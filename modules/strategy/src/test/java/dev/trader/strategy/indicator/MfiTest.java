package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MfiTest {

    private static void bar(Mfi mfi, double typicalPrice, double volume) {
        mfi.update(typicalPrice, typicalPrice, typicalPrice, volume);
    }

    @Test
    void handWorkedExampleWithAnUnchangedPriceAndAZeroVolumeBar() {
        // MFI(3); bars given as typical price (high = low = close) and volume:
        // b0 tp 10 v 100: only the reference tp
        // b1 tp 11 v 200: up,   +2200
        // b2 tp 10 v 100: down, -1000
        // b3 tp 12 v 50:  up,   +600   -> window b1..b3: pos 2800, neg 1000 -> 100 * 2800 / 3800 = 73.6842105...
        // b4 tp 12 v 300: unchanged, no flow -> window b2..b4: pos 600, neg 1000 -> 100 * 600 / 1600 = 37.5
        // b5 tp 11 v 0:   down but zero volume, flow 0 -> window b3..b5: pos 600, neg 0 -> 100
        Mfi mfi = new Mfi(3);
        assertEquals(4, mfi.warmUp());
        bar(mfi, 10, 100);
        bar(mfi, 11, 200);
        bar(mfi, 10, 100);
        assertFalse(mfi.isReady());
        assertTrue(Double.isNaN(mfi.value()));
        bar(mfi, 12, 50);
        assertTrue(mfi.isReady());
        assertEquals(100.0 * 2800 / 3800, mfi.value(), 1e-12);
        bar(mfi, 12, 300);
        assertEquals(37.5, mfi.value(), 1e-12);
        bar(mfi, 11, 0);
        assertEquals(100.0, mfi.value(), 0.0);
        // b6 tp 13 v 0, b7 tp 14 v 0: the window b5..b7 has no money flow at all -> 0, TA-Lib's value.
        bar(mfi, 13, 0);
        bar(mfi, 14, 0);
        assertEquals(0.0, mfi.value(), 0.0);
    }

    @Test
    void zeroVolumeThroughoutGivesZero() {
        Mfi mfi = new Mfi(2);
        bar(mfi, 10, 0);
        bar(mfi, 11, 0);
        bar(mfi, 9, 0);
        assertTrue(mfi.isReady());
        assertEquals(0.0, mfi.value());
    }

    @Test
    void aSideWhoseFlowsLeftTheWindowIsExactlyZeroSoOnlyBuyingGivesExactlyHundred() {
        // Awkward flows that do not cancel exactly in binary: after they leave the window the
        // negative sum is reset to 0, and an all-up window reads exactly 100, not 99.99999999999999.
        Mfi mfi = new Mfi(3);
        bar(mfi, 100.1, 0.3);
        bar(mfi, 99.7, 1.1);
        bar(mfi, 99.3, 0.7);
        bar(mfi, 98.9, 2.9);
        bar(mfi, 99.2, 0.1);
        bar(mfi, 99.6, 0.2);
        bar(mfi, 99.9, 0.3);
        assertEquals(100.0, mfi.value(), 0.0);
    }

    /**
     * StockCharts' MFI(14) worksheet ({@code cs-mfi}); the same definition as TA-Lib, no
     * seeding. The MFI is published to 5 decimals: tolerance 5e-6 plus 1e-9.
     */
    @Test
    void matchesStockChartsMfiAfterTheWarmUp() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-mfi.csv.gz");
        double[] high = f.column("High");
        double[] low = f.column("Low");
        double[] close = f.column("Close");
        double[] volume = f.column("Volume");
        double[] expected = f.column("MFI");
        Mfi mfi = new Mfi(14);
        double tolerance = 5e-6 + 1e-9;
        double max = 0;
        int compared = 0;
        for (int i = 0; i < f.size(); i++) {
            mfi.update(high[i], low[i], close[i], volume[i]);
            assertEquals(!Double.isNaN(expected[i]), mfi.isReady(), "row " + i);
            if (mfi.isReady()) {
                max = Math.max(max, Math.abs(mfi.value() - expected[i]));
                compared++;
            }
        }
        System.out.printf("cs-mfi: %d rows, max |error| %.3e (tolerance %.1e)%n", compared, max, tolerance);
        assertTrue(compared >= 10);
        assertTrue(max <= tolerance, "max MFI error " + max);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] b = StockChartsFixture.btcHourlyBars();
        StateTwins.assertTwinsStayEqual(() -> new Mfi(14), 600,
                (m, i) -> m.update(b[0][i], b[1][i], b[2][i], b[3][i], b[4][i]),
                m -> new double[] {m.value()});
    }

    @Test
    void invalidInputsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Mfi(0));
        Mfi mfi = new Mfi(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mfi.update(1, 1, 1, -1));
        assertTrue(e.getMessage().contains("volume"));
    }
}
