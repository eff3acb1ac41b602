package dev.trader.ml.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sequence's past is read the same way from a training frame and from a running strategy's recent rows, gaps and all. */
class FeatureHistoryTest {
    private static final long M = FeatureHistory.MINUTE_MS;

    /** Two instruments; the first has a gap after its third row. Row value = its index, so windows are easy to read. */
    private static FeatureFrame frame() {
        int[] instrument = {0, 0, 0, 0, 0, 1, 1, 1};
        long[] times = {M, 2 * M, 3 * M, 10 * M, 11 * M, M, 2 * M, 3 * M};
        double[][] columns = new double[1][instrument.length];
        for (int i = 0; i < instrument.length; i++) {
            columns[0][i] = i;
        }
        return new FeatureFrame(List.of("x"), List.of("a", "b"), instrument, times, new double[instrument.length], columns);
    }

    @Test
    void aRunEndsAtAGapAndAtAnotherInstrument() {
        FrameHistory h = FrameHistory.of(frame());
        assertEquals(3, h.at(2).available());
        assertEquals(1, h.at(3).available(), "seven minutes after the last row: a new run");
        assertEquals(2, h.at(4).available());
        assertEquals(1, h.at(5).available(), "the next instrument's first row starts its own run");
        assertArrayEquals(new double[][] {{0}, {1}, {2}}, h.at(2).window(3));
        assertArrayEquals(new double[][] {{3}, {3}, {3}, {4}}, h.at(4).window(4), "missing older rows repeat the run's oldest, never the other side of the gap");
        assertThrows(IndexOutOfBoundsException.class, () -> h.at(4).back(2));
    }

    @Test
    void theRecentRowsOfARunningStrategyGiveTheSameWindows() {
        FeatureFrame f = frame();
        FrameHistory h = FrameHistory.of(f);
        RecentFeatures recent = RecentFeatures.empty();
        for (int i = 0; i < 5; i++) {
            recent.add(f.closeTimeMs()[i], f.row(i));
            assertEquals(h.at(i).available(), recent.available(), "row " + i);
            assertArrayEquals(h.at(i).window(4), recent.window(4), "row " + i);
        }
    }

    @Test
    void theRingKeepsTheLatestRowsWhenItWrapsAround() {
        RecentFeatures recent = RecentFeatures.empty();
        int n = RecentFeatures.CAPACITY * 2 + 5;
        for (int i = 0; i < n; i++) {
            recent.add((i + 1) * M, new double[] {i});
        }
        assertEquals(RecentFeatures.CAPACITY, recent.available());
        assertArrayEquals(new double[] {n - 1}, recent.latest());
        assertArrayEquals(new double[] {n - RecentFeatures.CAPACITY}, recent.back(RecentFeatures.CAPACITY - 1));
        recent.add((n + 5) * M, new double[] {-1});
        assertEquals(1, recent.available(), "a gap starts a new run");
        assertArrayEquals(new double[][] {{-1}, {-1}}, recent.window(2));
    }
}
