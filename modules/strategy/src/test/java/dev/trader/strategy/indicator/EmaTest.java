package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class EmaTest {

    private static Ema feed(Ema ema, double... xs) {
        for (double x : xs) {
            ema.update(x);
        }
        return ema;
    }

    @Test
    void notReadyAndUndefinedDuringWarmUp() {
        Ema ema = new Ema(3);
        assertFalse(ema.isReady());
        assertTrue(Double.isNaN(ema.value()));
        feed(ema, 1, 2);
        assertFalse(ema.isReady());
        assertTrue(Double.isNaN(ema.value()));
        assertEquals(2, ema.count());
    }

    @Test
    void seededWithTheSimpleAverageOfTheFirstPeriodValues() {
        Ema ema = feed(new Ema(3), 1, 2, 6);
        assertTrue(ema.isReady());
        assertEquals(3.0, ema.value());
    }

    @Test
    void thenSmoothsWithAlphaTwoOverPeriodPlusOne() {
        // period 3: alpha = 0.5. seed (1 + 2 + 3) / 3 = 2
        // 4: 2 + 0.5 * (4 - 2) = 3 ; 5: 3 + 0.5 * 2 = 4 ; 1: 4 + 0.5 * (1 - 4) = 2.5 ; 10: 2.5 + 0.5 * 7.5 = 6.25
        double[] expected = {Double.NaN, Double.NaN, 2.0, 3.0, 4.0, 2.5, 6.25};
        double[] xs = {1, 2, 3, 4, 5, 1, 10};
        Ema ema = new Ema(3);
        for (int i = 0; i < xs.length; i++) {
            ema.update(xs[i]);
            assertEquals(expected[i], ema.value(), 0.0, "after value " + (i + 1));
        }
    }

    @Test
    void periodFourUsesAlphaTwoFifths() {
        // seed (10 + 20 + 30 + 40) / 4 = 25; next 50: 25 + 0.4 * 25 = 35; next 0: 35 - 0.4 * 35 = 21
        Ema ema = feed(new Ema(4), 10, 20, 30, 40);
        assertEquals(25.0, ema.value(), 1e-12);
        ema.update(50);
        assertEquals(35.0, ema.value(), 1e-12);
        ema.update(0);
        assertEquals(21.0, ema.value(), 1e-12);
    }

    @Test
    void periodOneFollowsTheInput() {
        Ema ema = feed(new Ema(1), 7);
        assertTrue(ema.isReady());
        assertEquals(7.0, ema.value());
        assertEquals(3.0, feed(ema, 3).value());
    }

    @Test
    void equalInputsGiveEqualStatesAndADifferentInputAnUnequalOne() {
        Ema a = feed(new Ema(2), 1, 3);
        Ema b = feed(new Ema(2), 1, 3);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        feed(b, 100);
        assertEquals(3, b.count());
        assertTrue(!a.equals(b));
    }

    @Test
    void nonPositivePeriodRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Ema(0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(-3));
    }

    @Test
    void countSaturatesInsteadOfWrappingAroundAfterTwoToTheThirtyOneUpdates() throws ReflectiveOperationException {
        Ema ema = feed(new Ema(3), 1, 2, 3);
        // 2^31 updates take a while; put the counter just below the limit instead.
        Field count = Ema.class.getDeclaredField("count");
        count.setAccessible(true);
        count.setInt(ema, Integer.MAX_VALUE - 1);
        feed(ema, 4, 5, 6);
        assertEquals(Integer.MAX_VALUE, ema.count());
        assertTrue(ema.isReady());
        // still smoothing: 2 → 3 → 4 → 5 with alpha 1/2
        assertEquals(5.0, ema.value(), 0.0);
    }
}
