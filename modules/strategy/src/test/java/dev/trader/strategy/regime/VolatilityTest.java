package dev.trader.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VolatilityTest {

    @Test
    void realizedVolatilityIsTheRootMeanSquareOfTheLastLogReturns() {
        RealizedVolatility rv = new RealizedVolatility(2);
        rv.update(100);
        rv.update(110);
        assertFalse(rv.isReady());
        rv.update(99);
        double a = Math.log(1.1);
        double b = Math.log(0.9);
        assertEquals(Math.sqrt((a * a + b * b) / 2), rv.value(), 1e-15);
        rv.update(99);
        assertEquals(Math.sqrt(b * b / 2), rv.value(), 1e-15, "the first return has left the window");
        assertEquals(3, rv.warmUp());
    }

    @Test
    void realizedVolatilityRollingEqualsBatch() {
        Random rnd = new Random(3);
        RealizedVolatility rv = new RealizedVolatility(30);
        Deque<Double> last = new ArrayDeque<>();
        for (int i = 0; i < 1000; i++) {
            // a volatility regime change in the middle: the running sum must forget the large values
            double r = (i < 500 ? 0.05 : 0.0005) * rnd.nextGaussian();
            rv.updateLogReturn(r);
            last.addLast(r);
            if (last.size() > 30) {
                last.removeFirst();
            }
            if (last.size() == 30) {
                double s = 0;
                for (double x : last) {
                    s += x * x;
                }
                assertEquals(Math.sqrt(s / 30), rv.value(), 1e-12 * Math.max(1, Math.sqrt(s / 30)), "at " + i);
            }
        }
    }

    @Test
    void percentileIsTheMidRankWithinTheLookback() {
        VolatilityPercentile p = new VolatilityPercentile(5, VolatilityThresholds.TERCILES);
        for (double x : new double[] {1, 2, 3, 4}) {
            p.update(x);
            assertFalse(p.isReady());
            assertEquals(Optional.empty(), p.state());
        }
        p.update(5);
        assertEquals(90.0, p.value(), 1e-12, "5 is above 4 of 5 values: (4 + 0.5) / 5");
        assertEquals(Optional.of(VolatilityState.HIGH), p.state());
        p.update(0.5);
        assertEquals(10.0, p.value(), 1e-12, "window 2 3 4 5 0.5");
        assertEquals(Optional.of(VolatilityState.LOW), p.state());
        p.update(3);
        assertEquals(40.0, p.value(), 1e-12, "window 3 4 5 0.5 3: one below, two equal");
        assertEquals(Optional.of(VolatilityState.MEDIUM), p.state());
        p.update(Double.NaN);
        assertEquals(40.0, p.value(), 1e-12, "NaN (an input warming up) is ignored");
        assertThrows(IllegalArgumentException.class, () -> p.update(-1));
        assertThrows(IllegalArgumentException.class, () -> p.update(Double.POSITIVE_INFINITY));
    }

    @Test
    void percentileEqualsANaiveCountWithTiesAndEvictions() {
        Random rnd = new Random(9);
        VolatilityPercentile p = new VolatilityPercentile(50, VolatilityThresholds.TERCILES);
        Deque<Double> window = new ArrayDeque<>();
        for (int i = 0; i < 3000; i++) {
            double x = rnd.nextInt(20) / 4.0;
            p.update(x);
            window.addLast(x);
            if (window.size() > 50) {
                window.removeFirst();
            }
            if (window.size() == 50) {
                double below = window.stream().filter(v -> v < x).count();
                double equal = window.stream().filter(v -> v == x).count();
                assertEquals(100 * (below + equal / 2) / 50, p.value(), 1e-12, "at " + i);
            }
        }
    }

    @Test
    void thresholdsAreConfigurableAndInclusive() {
        assertEquals(VolatilityState.LOW, VolatilityThresholds.TERCILES.classify(33));
        assertEquals(VolatilityState.MEDIUM, VolatilityThresholds.TERCILES.classify(33.01));
        assertEquals(VolatilityState.MEDIUM, VolatilityThresholds.TERCILES.classify(65.99));
        assertEquals(VolatilityState.HIGH, VolatilityThresholds.TERCILES.classify(66));
        VolatilityThresholds quintiles = new VolatilityThresholds(20, 80);
        assertEquals(VolatilityState.MEDIUM, quintiles.classify(70));
        assertEquals(VolatilityState.HIGH, quintiles.classify(80));
        assertThrows(IllegalArgumentException.class, () -> new VolatilityThresholds(66, 33));
        assertThrows(IllegalArgumentException.class, () -> new VolatilityThresholds(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> new VolatilityThresholds(50, 101));
    }

    @Test
    void regimeGoesHighWhenVolatilityJumpsAndLowOnceItHasBeenCalmLongEnough() {
        Random rnd = new Random(21);
        VolatilityRegime v = new VolatilityRegime(20, 200, VolatilityThresholds.TERCILES);
        assertEquals(220, v.warmUp());
        double price = 100;
        int seen = 0;
        for (int i = 0; i < 400; i++) {
            price *= Math.exp(0.001 * rnd.nextGaussian());
            v.update(price);
            seen++;
            assertEquals(seen >= 220, v.isReady(), "at price " + seen);
        }
        for (int i = 0; i < 20; i++) {
            price *= Math.exp(0.01 * rnd.nextGaussian());
            v.update(price);
        }
        assertEquals(Optional.of(VolatilityState.HIGH), v.state(), "ten times the volatility of the lookback");
        assertTrue(v.value() > 95, Double.toString(v.value()));
        for (int i = 0; i < 150; i++) {
            price *= Math.exp(0.0002 * rnd.nextGaussian());
            v.update(price);
        }
        assertEquals(Optional.of(VolatilityState.LOW), v.state(), "calmer than anything in the lookback");
        assertTrue(v.realizedVolatility() < 0.0005, Double.toString(v.realizedVolatility()));
    }
}
