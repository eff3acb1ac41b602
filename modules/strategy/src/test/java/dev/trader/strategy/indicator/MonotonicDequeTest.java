package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MonotonicDequeTest {

    @Test
    void handWorkedRollingMaxAndMin() {
        // window 3 over 5, 1, 4, 4, 2, 0, 3: max 5, 5, 5, 4, 4, 4, 3; min 5, 1, 1, 1, 2, 0, 0
        double[] xs = {5, 1, 4, 4, 2, 0, 3};
        double[] max = {5, 5, 5, 4, 4, 4, 3};
        double[] min = {5, 1, 1, 1, 2, 0, 0};
        MonotonicDeque hi = MonotonicDeque.max(3);
        MonotonicDeque lo = MonotonicDeque.min(3);
        assertTrue(Double.isNaN(hi.extreme()));
        for (int i = 0; i < xs.length; i++) {
            hi.push(xs[i]);
            lo.push(xs[i]);
            assertEquals(max[i], hi.extreme(), "max after " + (i + 1));
            assertEquals(min[i], lo.extreme(), "min after " + (i + 1));
            assertEquals(i >= 2, hi.isFull());
        }
    }

    @Test
    void equalsAScanOfTheWindowOnRandomWalks() {
        Random random = new Random(42);
        for (int window : new int[] {1, 2, 3, 7, 20, 64}) {
            MonotonicDeque hi = MonotonicDeque.max(window);
            MonotonicDeque lo = MonotonicDeque.min(window);
            double[] xs = new double[2000];
            double x = 100;
            for (int i = 0; i < xs.length; i++) {
                // rounded steps so that equal values (ties) occur often
                x += Math.round(random.nextGaussian() * 2) / 2.0;
                xs[i] = x;
                hi.push(x);
                lo.push(x);
                double scanMax = Double.NEGATIVE_INFINITY;
                double scanMin = Double.POSITIVE_INFINITY;
                for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                    scanMax = Math.max(scanMax, xs[j]);
                    scanMin = Math.min(scanMin, xs[j]);
                }
                assertEquals(scanMax, hi.extreme(), "window " + window + " step " + i);
                assertEquals(scanMin, lo.extreme(), "window " + window + " step " + i);
            }
        }
    }

    @Test
    void sameInputsSameStateAndARestoredCopyCarriesOn() {
        MonotonicDeque a = MonotonicDeque.max(4);
        MonotonicDeque b = MonotonicDeque.max(4);
        for (double x : new double[] {3, 1, 4, 1, 5, 9, 2, 6}) {
            a.push(x);
            b.push(x);
        }
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        MonotonicDeque restored = StateTwins.copyThroughNoArgConstructor(a);
        assertEquals(a, restored);
        a.push(5);
        restored.push(5);
        assertEquals(a.extreme(), restored.extreme());
        assertEquals(a, restored);
        assertNotEquals(a, b);
        assertFalse(MonotonicDeque.min(4).isFull());
    }

    @Test
    void windowMustBePositive() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MonotonicDeque(0, true)).getMessage().contains("window"));
    }
}
