package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrueRangeTest {

    @Test
    void largestOfRangeAndTheGapsToThePreviousClose() {
        TrueRange tr = new TrueRange();
        assertEquals(2, tr.warmUp());
        tr.update(0, 12, 9, 10, 0);
        assertFalse(tr.isReady(), "no previous close on the first bar");
        assertTrue(Double.isNaN(tr.value()));
        tr.update(0, 11, 10, 10.5, 0); // inside: high − low = 1
        assertEquals(1.0, tr.value());
        tr.update(0, 15, 14, 14.5, 0); // gap up: high − previous close = 15 − 10.5
        assertEquals(4.5, tr.value());
        tr.update(0, 9, 8, 8.5, 0); // gap down: previous close − low = 14.5 − 8
        assertEquals(6.5, tr.value());
        assertTrue(tr.isReady());
    }
}
