package dev.trader.backtest.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window boundaries: test ranges follow their training (and validation) ranges without
 * overlap, tile the data after the first training range, and never reach past the data's end;
 * rolling training ranges keep their length, anchored ones start at the data's start.
 */
class WalkForwardPlanTest {
    private static final Instant START = Instant.parse("2023-03-17T00:00:00Z");
    private static final Instant END = Instant.parse("2023-03-24T00:00:00Z");

    @Test
    void rollingWindowsHaveFixedTrainingAndTiledTests() {
        List<WalkForwardWindow> w = new WalkForwardPlan(Duration.ofDays(2), Duration.ZERO, Duration.ofDays(1), false).windows(START, END);
        assertEquals(5, w.size(), "tests on days 3, 4, 5, 6, 7");
        for (int i = 0; i < w.size(); i++) {
            WalkForwardWindow x = w.get(i);
            assertEquals(i + 1, x.index());
            assertEquals(Duration.ofDays(2), Duration.between(x.trainStart(), x.trainEnd()));
            assertEquals(x.trainEnd(), x.testStart(), "no validation: the test follows the training at once");
            assertEquals(START.plus(Duration.ofDays(2 + i)), x.testStart());
            assertEquals(Duration.ofDays(1), Duration.between(x.testStart(), x.testEnd()));
            assertFalse(x.hasValidation());
        }
        assertEquals(END, w.get(4).testEnd());
        assertInvariants(w);
    }

    @Test
    void anchoredTrainingStartsAtTheBeginningAndGrows() {
        List<WalkForwardWindow> w = new WalkForwardPlan(Duration.ofDays(2), Duration.ZERO, Duration.ofDays(2), true).windows(START, END);
        assertEquals(2, w.size(), "tests on days 3-4 and 5-6; day 7 alone is not a complete test range");
        assertEquals(START, w.get(0).trainStart());
        assertEquals(START, w.get(1).trainStart());
        assertEquals(Duration.ofDays(4), Duration.between(w.get(1).trainStart(), w.get(1).trainEnd()));
        assertInvariants(w);
    }

    @Test
    void validationSitsBetweenTrainingAndTest() {
        List<WalkForwardWindow> w = new WalkForwardPlan(Duration.ofDays(2), Duration.ofHours(12), Duration.ofDays(1), false).windows(START, END);
        assertEquals(4, w.size());
        for (WalkForwardWindow x : w) {
            assertTrue(x.hasValidation());
            assertEquals(Duration.ofHours(12), Duration.between(x.validateStart(), x.validateEnd()));
            assertEquals(x.trainEnd(), x.validateStart());
            assertEquals(x.validateEnd(), x.testStart());
        }
        assertInvariants(w);
    }

    @Test
    void dataTooShortForOneWindowIsAnError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new WalkForwardPlan(Duration.ofDays(6), Duration.ZERO, Duration.ofDays(2), false).windows(START, END));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    /** No test range overlaps any training range of its own or an earlier window, and the test ranges do not overlap each other. */
    private static void assertInvariants(List<WalkForwardWindow> windows) {
        for (int i = 0; i < windows.size(); i++) {
            WalkForwardWindow w = windows.get(i);
            assertFalse(w.trainStart().isBefore(START));
            assertFalse(w.testEnd().isAfter(END), "never past the data");
            assertFalse(w.trainEnd().isAfter(w.validateStart()));
            assertFalse(w.validateEnd().isAfter(w.testStart()), "training and validation end before the test starts");
            if (i > 0) {
                assertEquals(windows.get(i - 1).testEnd(), w.testStart(), "test ranges tile the data");
                assertTrue(windows.get(i - 1).trainEnd().isBefore(w.trainEnd()), "training moves forward");
            }
        }
    }
}
