package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToleranceTest {

    @Test
    void sumsItsAbsolutePriceAndAtrParts() {
        assertEquals(0.5 + 0.001 * 200 + 2 * 3, new Tolerance(0.5, 0.001, 2).at(200, 3), 1e-12);
        assertEquals(0.25, Tolerance.price(0.25).at(100, Double.NaN));
        assertEquals(0.1, Tolerance.fractionOfPrice(0.001).at(-100, Double.NaN), 1e-12);
        assertTrue(Double.isNaN(Tolerance.atr(1).at(100, Double.NaN)), "an ATR tolerance needs the ATR");
    }

    @Test
    void negativeOrNonFinitePartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.price(-1));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.fractionOfPrice(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.atr(Double.POSITIVE_INFINITY));
    }
}
