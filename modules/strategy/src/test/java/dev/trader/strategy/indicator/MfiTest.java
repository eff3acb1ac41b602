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
        // Three falling bars with large flows, then three rising bars with tiny ones. In TA-Lib's
        // subtract-and-add running sums the negative side does not return to 0 once the falling
        // bars have left (it ends at about -1.8e-12 here), and the MFI comes out as
        // 100.00000000012467, above its own maximum. Ours resets an emptied side to exactly 0.
        double[] tps = {4.82, 4.81, 4.80, 4.79, 4.83, 4.86, 4.90};
        double[] volumes = {829.6, 715.4, 203.6, 2075.6, 0.1, 0.1, 0.1};
        Mfi mfi = new Mfi(3);
        double[] positive = new double[3];
        double[] negative = new double[3];
        double positiveSum = 0;
        double negativeSum = 0;
        double previous = Double.NaN;
        for (int i = 0; i < tps.length; i++) {
            bar(mfi, tps[i], volumes[i]);
            double tp = (tps[i] + tps[i] + tps[i]) / 3.0;
            if (i > 0) {
                int slot = (i - 1) % 3;
                positiveSum -= positive[slot];
                negativeSum -= negative[slot];
                positive[slot] = tp > previous ? tp * volumes[i] : 0;
                negative[slot] = tp < previous ? tp * volumes[i] : 0;
                positiveSum += positive[slot];
                negativeSum += negative[slot];
            }
            previous = tp;
        }
        double naive = 100.0 * (positiveSum / (positiveSum + negativeSum));
        assertTrue(negativeSum != 0.0 && naive != 100.0, "the naive sums do leave a residue here: " + negativeSum + ", " + naive);
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
