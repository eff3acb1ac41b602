package dev.trader.strategy.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.indicator.StateTwins;
import org.junit.jupiter.api.Test;

class VolumeProfileTest {

    @Test
    void handWorkedPointOfControlAndValueArea() {
        // window 3, bins of 1.0, value area 70%; bars (high, low, volume):
        // b1 (10, 10, 100): all in bin 10
        // b2 (12, 10, 60):  range 2 -> bin 10 gets 60 * 1/2 = 30, bin 11 30, bin 12 the rest 0 (12 is its lower edge)
        // b3 (13.5, 12.5, 40): bin 12 gets 40 * 0.5 = 20, bin 13 the rest 20
        // bins 10:130 11:30 12:20 13:20, total 200, POC bin 10 (130), target 0.7 * 200 = 140.
        // Expand from [10, 10] (130): nothing below, the pair above (11 + 12 = 50) -> [10, 12], 180 >= 140.
        VolumeProfile p = new VolumeProfile(3, 1.0);
        p.update(10, 10, 100);
        p.update(12, 10, 60);
        assertFalse(p.isReady());
        assertTrue(Double.isNaN(p.pointOfControl()) && Double.isNaN(p.valueAreaLow()) && Double.isNaN(p.valueAreaHigh()));
        p.update(13.5, 12.5, 40);
        assertTrue(p.isReady());
        assertEquals(130.0, p.volumeInBin(10), 1e-12);
        assertEquals(30.0, p.volumeInBin(11), 1e-12);
        assertEquals(20.0, p.volumeInBin(12), 1e-12);
        assertEquals(20.0, p.volumeInBin(13), 1e-12);
        assertEquals(200.0, p.totalVolume(), 1e-12);
        assertEquals(10.5, p.pointOfControl(), 0.0);
        assertEquals(10.0, p.valueAreaLow(), 0.0);
        assertEquals(13.0, p.valueAreaHigh(), 0.0);
        assertEquals(180.0, p.valueAreaVolume(), 1e-12);
        // b4 (11, 11, 200): b1 leaves (bin 10: 30), bin 11: 230. Total 300, POC 11, target 210: 230 alone is enough.
        p.update(11, 11, 200);
        assertEquals(30.0, p.volumeInBin(10), 1e-12);
        assertEquals(230.0, p.volumeInBin(11), 1e-12);
        assertEquals(11.5, p.pointOfControl(), 0.0);
        assertEquals(11.0, p.valueAreaLow(), 0.0);
        assertEquals(12.0, p.valueAreaHigh(), 0.0);
    }

    @Test
    void equalPairsAboveAndBelowAreBothAdded() {
        // single-price bars, bins of 1: 8:5 9:10 10:10 11:40 12:10 13:10 14:5, total 90, target 63.
        // From POC 11 (40): above 12 + 13 = 20, below 10 + 9 = 20, a tie: both -> [9, 13], 80 >= 63.
        VolumeProfile p = new VolumeProfile(7, 1.0);
        double[][] bars = {{8, 5}, {9, 10}, {10, 10}, {11, 40}, {12, 10}, {13, 10}, {14, 5}};
        for (double[] b : bars) {
            p.update(b[0] + 0.5, b[0] + 0.5, b[1]);
        }
        assertEquals(11.5, p.pointOfControl());
        assertEquals(9.0, p.valueAreaLow());
        assertEquals(14.0, p.valueAreaHigh());
        assertEquals(80.0, p.valueAreaVolume(), 1e-12);
    }

    @Test
    void aTieForThePointOfControlGoesToTheMostCentralBinThenTheLowerOne() {
        // bins 9:50 10:10 11:50 12:10 13:50: range 9..13, middle 11 -> POC 11
        VolumeProfile centred = new VolumeProfile(5, 1.0);
        double[][] bars = {{9, 50}, {10, 10}, {11, 50}, {12, 10}, {13, 50}};
        for (double[] b : bars) {
            centred.update(b[0], b[0], b[1]);
        }
        assertEquals(11, centred.pointOfControlBin());
        // bins 9:10 10:50 11:50 12:10: middle 10.5, 10 and 11 equally near -> the lower, 10
        VolumeProfile even = new VolumeProfile(4, 1.0);
        double[][] bars2 = {{9, 10}, {10, 50}, {11, 50}, {12, 10}};
        for (double[] b : bars2) {
            even.update(b[0], b[0], b[1]);
        }
        assertEquals(10, even.pointOfControlBin());
    }

    @Test
    void decimalBoundariesLandInTheUpperBinAndAWindowWithoutVolumeHasNoPoc() {
        VolumeProfile p = new VolumeProfile(2, 0.1);
        // 0.3 / 0.1 is 2.9999999999999996 in binary; it is on the boundary of bin 3 and goes there.
        assertEquals(3, p.binOf(0.3));
        assertEquals(2, p.binOf(0.29));
        p.update(0.3, 0.3, 0);
        p.update(0.5, 0.4, 0);
        assertTrue(p.isReady());
        assertEquals(0.0, p.totalVolume());
        assertTrue(Double.isNaN(p.pointOfControl()), "no volume, no POC");
    }

    /**
     * Real BTC/USDT 1m candles, a 4-hour window in $5 bins (the window spans up to a few hundred
     * bins, so the bin ring grows and wraps as prices move). At every bar after the warm-up: the
     * value area holds at least 70% of the window's volume (summed independently from the
     * candles) and contains the POC, and the rolling profile equals one built from scratch over
     * the same 240 candles (same POC and value area, bins within 1e-9 relative).
     */
    @Test
    void realCandlesValueAreaHoldsSeventyPercentAndContainsThePoc() {
        double[][] c = VolumeFixtures.btcMinuteCandles();
        int window = 240;
        double binSize = 5.0;
        VolumeProfile rolling = new VolumeProfile(window, binSize);
        int checked = 0;
        double minShare = 1;
        for (int i = 0; i < c[0].length; i++) {
            rolling.update(c[1][i], c[2][i], c[3][i], c[4][i], c[5][i]);
            if (!rolling.isReady()) {
                continue;
            }
            double windowVolume = 0;
            for (int j = i - window + 1; j <= i; j++) {
                windowVolume += c[5][j];
            }
            assertEquals(windowVolume, rolling.totalVolume(), windowVolume * 1e-9, "bar " + i);
            assertTrue(rolling.valueAreaVolume() >= 0.70 * windowVolume * (1 - 1e-12), "bar " + i);
            assertTrue(rolling.valueAreaLow() <= rolling.pointOfControl() && rolling.pointOfControl() <= rolling.valueAreaHigh(), "bar " + i);
            double inArea = 0;
            for (long b = rolling.valueAreaLowBin(); b <= rolling.valueAreaHighBin(); b++) {
                inArea += rolling.volumeInBin(b);
            }
            assertEquals(rolling.valueAreaVolume(), inArea, inArea * 1e-12, "bar " + i);
            minShare = Math.min(minShare, rolling.valueAreaVolume() / windowVolume);
            if (i % 7 == 0) {
                VolumeProfile fresh = new VolumeProfile(window, binSize);
                for (int j = i - window + 1; j <= i; j++) {
                    fresh.update(c[1][j], c[2][j], c[3][j], c[4][j], c[5][j]);
                }
                assertEquals(fresh.pointOfControlBin(), rolling.pointOfControlBin(), "bar " + i);
                assertEquals(fresh.valueAreaLowBin(), rolling.valueAreaLowBin(), "bar " + i);
                assertEquals(fresh.valueAreaHighBin(), rolling.valueAreaHighBin(), "bar " + i);
                assertEquals(fresh.lowestBin(), rolling.lowestBin());
                assertEquals(fresh.highestBin(), rolling.highestBin());
                for (long b = fresh.lowestBin(); b <= fresh.highestBin(); b++) {
                    assertEquals(fresh.volumeInBin(b), rolling.volumeInBin(b), Math.max(1e-12, fresh.volumeInBin(b) * 1e-9), "bar " + i + " bin " + b);
                }
            }
            checked++;
        }
        System.out.printf("VolumeProfile on %d real 1m windows: value area share min %.4f, last POC %.1f, VA %.1f-%.1f, range %d bins%n",
                checked, minShare, rolling.pointOfControl(), rolling.valueAreaLow(), rolling.valueAreaHigh(), rolling.highestBin() - rolling.lowestBin() + 1);
        assertEquals(720 - window + 1, checked);
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        double[][] c = VolumeFixtures.btcMinuteCandles();
        StateTwins.assertTwinsStayEqual(() -> new VolumeProfile(60, 2.5), c[0].length,
                (p, i) -> p.update(c[1][i], c[2][i], c[3][i], c[4][i], c[5][i]),
                p -> new double[] {p.pointOfControl(), p.valueAreaLow(), p.valueAreaHigh(), p.valueAreaVolume(), p.totalVolume()});
    }

    @Test
    void invalidParametersAndBarsRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeProfile(0, 1)).getMessage().contains("window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeProfile(10, 0)).getMessage().contains("binSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VolumeProfile(10, 1, 1.5)).getMessage().contains("valueAreaFraction"));
        VolumeProfile p = new VolumeProfile(10, 1);
        assertThrows(IllegalArgumentException.class, () -> p.update(9, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> p.update(10, 9, -1));
        // a bin size absurdly fine for the prices: 1e12 bins would be needed
        VolumeProfile tooFine = new VolumeProfile(2, 1e-6);
        assertTrue(assertThrows(IllegalStateException.class, () -> tooFine.update(1e6, 1, 1)).getMessage().contains("binSize"));
    }
}
