package dev.trader.backtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.EquityCurve;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drawdown value, fraction and duration worked out by hand on a minute curve:
 * <pre>
 *   minute  0    1    2    3    4    5    6    7    8
 *   equity 100  120   90  110  125  100  115  120  124
 *   dd       0    0   30   10    0   25   10    5    1
 * </pre>
 * Two episodes under water: 1→4 (3 minutes, recovered at 4; the deepest, 30 = 25% of 120) and
 * 4→8 (4 minutes, never recovered: the longest).
 */
class DrawdownStatsTest {
    private static final List<Instant> T = Made.times("2024-01-01T00:00:00Z", Duration.ofMinutes(1), 9);
    private static final EquityCurve CURVE = Made.flat(T, "100", "120", "90", "110", "125", "100", "115", "120", "124");

    @Test
    void maxDrawdownIsTheDeepestFallBelowTheRunningPeak() {
        DrawdownStats d = DrawdownStats.of(CURVE);
        assertEquals(Made.usdt("30"), d.max());
        assertEquals(new BigDecimal("0.250000"), d.maxFraction(), "30 / 120 (the 25 / 125 of minute 5 is 20%)");
        assertEquals(T.get(1), d.peakTime());
        assertEquals(T.get(2), d.troughTime());
        assertEquals(T.get(4), d.recoveryTime(), "back above 120 at minute 4");
    }

    @Test
    void durationIsTheLongestTimeUnderWaterCountingAnUnrecoveredEnd() {
        DrawdownStats d = DrawdownStats.of(CURVE);
        assertEquals(Duration.ofMinutes(4), d.longestDuration(), "4 → 8, still below 125 at the end");
        assertEquals(T.get(4), d.longestStart());
        assertEquals(T.get(8), d.longestEnd());
        assertFalse(d.longestRecovered());
    }

    @Test
    void aRecoveredEpisodeIsMeasuredFromPeakToTheFirstPointBackAtThePeak() {
        EquityCurve recovered = Made.flat(T.subList(0, 5), "100", "120", "90", "110", "120");
        DrawdownStats d = DrawdownStats.of(recovered);
        assertEquals(Duration.ofMinutes(3), d.longestDuration(), "1 → 4: equal to the peak counts as back");
        assertTrue(d.longestRecovered());
    }

    @Test
    void aCurveThatOnlyRisesHasNoDrawdown() {
        DrawdownStats d = DrawdownStats.of(Made.flat(T.subList(0, 3), "100", "101", "102"));
        assertEquals(Made.usdt("0"), d.max());
        assertEquals(BigDecimal.ZERO, d.maxFraction());
        assertEquals(Duration.ZERO, d.longestDuration());
        assertNull(d.peakTime());
        assertNull(d.longestStart());
    }
}
