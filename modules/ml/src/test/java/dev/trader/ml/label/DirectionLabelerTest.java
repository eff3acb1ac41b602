package dev.trader.ml.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DirectionLabelerTest {
    private static final long M = 60_000;
    private static final int U = Direction.UP.ordinal();
    private static final int D = Direction.DOWN.ordinal();
    private static final int F = Direction.FLAT.ordinal();
    private static final int N = DirectionLabeler.NONE;

    @Test
    void labelsTheMoveOverTheHorizonOutsideTheBand() {
        // 10 bps band, 2-minute horizon: +0.2% is UP, -0.2% DOWN, +0.05% FLAT.
        long[] t = {0, M, 2 * M, 3 * M, 4 * M, 5 * M};
        double[] close = {100, 100, 100.2, 99.8, 100.25, 100};
        int[] labels = new DirectionLabeler(Duration.ofMinutes(2), 10).label(new int[6], t, close);
        // 100→100.2 up; 100→99.8 down; 100.2→100.25 (+5 bps) flat; 99.8→100 (+20 bps) up; no bar 2 min after the last two.
        assertArrayEquals(new int[] {U, D, F, U, N, N}, labels);
    }

    @Test
    void aGapOrAnotherInstrumentGivesNoLabel() {
        long[] t = {0, M, 3 * M, 4 * M, 0, M};
        double[] close = {100, 101, 102, 103, 50, 60};
        int[] instrument = {0, 0, 0, 0, 1, 1};
        int[] labels = new DirectionLabeler(Duration.ofMinutes(1), 0).label(instrument, t, close);
        // 0→1m up; 1m has no bar at 2m (gap); 3m→4m up; 4m is the end of instrument 0 (the next row is instrument 1); 1: 0→1m up.
        assertArrayEquals(new int[] {U, N, U, N, U, N}, labels);
    }

    @Test
    void refusesANonsenseHorizonOrBand() {
        assertThrows(IllegalArgumentException.class, () -> new DirectionLabeler(Duration.ZERO, 10));
        assertThrows(IllegalArgumentException.class, () -> new DirectionLabeler(Duration.ofMinutes(15), -1));
        assertThrows(IllegalArgumentException.class, () -> new DirectionLabeler(Duration.ofMinutes(15), Double.NaN));
    }
}
