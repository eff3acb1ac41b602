package dev.trader.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks of the known property of the Hurst exponent on seeded series (so they
 * are deterministic): about 0.5 for independent returns, above for persistent (AR(1) with
 * φ &gt; 0, or drifting) and below for anti-persistent (φ &lt; 0) returns. Each is the mean of 20
 * estimates over disjoint windows of 2,000 returns.
 */
class HurstTest {
    private static final int WINDOW = 2000;
    private static final int MAX_LAG = 20;
    private static final int WINDOWS = 20;

    /** Estimates over WINDOWS disjoint windows of AR(1) returns r = φ r' + drift + ε, ε ~ N(0, sigma²). */
    private static List<Double> estimates(long seed, double phi, double drift, double sigma) {
        Random rnd = new Random(seed);
        Hurst h = new Hurst(WINDOW, MAX_LAG);
        List<Double> out = new ArrayList<>();
        double previous = 0;
        for (int i = 1; i <= WINDOW * WINDOWS; i++) {
            double r = phi * previous + drift + sigma * rnd.nextGaussian();
            previous = r;
            h.updateLogReturn(r);
            if (i % WINDOW == 0) {
                out.add(h.value());
            }
        }
        return out;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void aboutOneHalfForARandomWalk() {
        List<Double> hs = estimates(42, 0, 0, 0.01);
        assertEquals(0.5, mean(hs), 0.02, hs.toString());
        for (double h : hs) {
            assertTrue(h > 0.4 && h < 0.6, hs.toString());
        }
    }

    @Test
    void aboveOneHalfForPersistentReturns() {
        List<Double> hs = estimates(7, 0.4, 0, 0.01);
        assertTrue(mean(hs) > 0.58, hs.toString());
        for (double h : hs) {
            assertTrue(h > 0.52, hs.toString());
        }
    }

    @Test
    void belowOneHalfForAntiPersistentReturns() {
        List<Double> hs = estimates(7, -0.4, 0, 0.01);
        assertTrue(mean(hs) < 0.44, hs.toString());
        for (double h : hs) {
            assertTrue(h < 0.48, hs.toString());
        }
    }

    @Test
    void nearOneForASteadyTrend() {
        // drift twice the noise: the differences are not de-meaned, so a trend reads as persistence
        List<Double> hs = estimates(3, 0, 0.002, 0.001);
        assertTrue(mean(hs) > 0.9, hs.toString());
    }

    @Test
    void theRollingValueEqualsABatchEstimateOfTheLastWindow() {
        Random rnd = new Random(11);
        Hurst h = new Hurst(100, 8);
        List<Double> prices = new ArrayList<>();
        double p = 100;
        for (int i = 0; i < 1234; i++) {
            p *= Math.exp(0.01 * rnd.nextGaussian());
            prices.add(p);
            h.update(p);
            if (i >= 100) {
                double expected = batch(prices.subList(prices.size() - 101, prices.size()), 8);
                assertEquals(expected, h.value(), 1e-9, "after price " + i);
            } else {
                assertTrue(Double.isNaN(h.value()), "warm-up at price " + i);
            }
        }
    }

    /** The definition, computed from scratch. */
    private static double batch(List<Double> prices, int maxLag) {
        int n = prices.size();
        double[] x = new double[maxLag];
        double[] y = new double[maxLag];
        for (int lag = 1; lag <= maxLag; lag++) {
            double s = 0;
            for (int t = 0; t + lag < n; t++) {
                double d = Math.log(prices.get(t + lag)) - Math.log(prices.get(t));
                s += d * d;
            }
            x[lag - 1] = Math.log(lag);
            y[lag - 1] = Math.log(s / (n - lag));
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < maxLag; i++) {
            mx += x[i] / maxLag;
            my += y[i] / maxLag;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < maxLag; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx / 2;
    }

    @Test
    void warmUpFlatWindowsAndBadInput() {
        Hurst h = new Hurst(8, 2);
        assertEquals(9, h.warmUp());
        for (int i = 0; i < 8; i++) {
            h.update(100);
            assertFalse(h.isReady());
        }
        h.update(100);
        assertTrue(h.isReady());
        assertTrue(Double.isNaN(h.value()), "a flat window has no scaling");
        assertThrows(IllegalArgumentException.class, () -> h.update(0));
        assertThrows(IllegalArgumentException.class, () -> h.update(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> h.updateLogReturn(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Hurst(100, 1));
        assertThrows(IllegalArgumentException.class, () -> new Hurst(30, 8));
    }

    @Test
    void stateHasValueEquality() {
        Hurst a = new Hurst(40, 4);
        Hurst b = new Hurst(40, 4);
        Random rnd = new Random(5);
        for (int i = 0; i < 100; i++) {
            double r = rnd.nextGaussian();
            a.updateLogReturn(r);
            b.updateLogReturn(r);
        }
        assertEquals(a, b);
        assertEquals(a.value(), b.value());
    }
}
