package dev.trader.backtest.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.EquityCurve;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Returns, Sharpe, Sortino and CAGR worked out by hand. The curve: initial cash 1000, then daily
 * equity 1100, 990, 1089, 980.1, 1078.11, i.e. returns +10%, −10%, +10%, −10%, +10%:
 * mean 0.02, sample variance (3 × 0.08² + 2 × 0.12²) / 4 = 0.012, downside deviation
 * √(2 × 0.1² / 5) = √0.004.
 */
class RiskAdjustedTest {
    private static final EquityCurve ALTERNATING = Made.flat(Made.times("2024-01-01T00:00:00Z", Duration.ofDays(1), 5),
            "1100", "990", "1089", "980.1", "1078.11");

    @Test
    void perBarReturnsStartFromTheInitialCash() {
        assertArrayEquals(new double[] {0.1, -0.1, 0.1, -0.1, 0.1}, Returns.perBar(ALTERNATING, Made.usdt("1000")), 1e-12);
    }

    @Test
    void sharpeIsMeanOverSampleDeviationTimesRootOfPeriodsPerYear() {
        double[] r = Returns.perBar(ALTERNATING, Made.usdt("1000"));
        assertEquals(0.02 / Math.sqrt(0.012) * Math.sqrt(365), RiskAdjusted.sharpe(r, 365), 1e-9);
        assertEquals(3.488, RiskAdjusted.sharpe(r, 365), 1e-3);
    }

    @Test
    void sortinoUsesTheDownsideDeviationOverAllReturns() {
        double[] r = Returns.perBar(ALTERNATING, Made.usdt("1000"));
        assertEquals(0.02 / Math.sqrt(0.004) * Math.sqrt(365), RiskAdjusted.sortino(r, 365), 1e-9);
        assertEquals(6.042, RiskAdjusted.sortino(r, 365), 1e-3);
    }

    @Test
    void oneMinuteBarsAnnualiseWithTheMinutesOfA365DayYear() {
        assertEquals(525_600, RiskAdjusted.periodsPerYear(Duration.ofMinutes(1)), 0);
        assertEquals(365, RiskAdjusted.periodsPerYear(Duration.ofDays(1)), 0);
    }

    @Test
    void ratiosAreNotDefinedWithoutVariationOrDownside() {
        assertTrue(Double.isNaN(RiskAdjusted.sharpe(new double[] {0.01, 0.01, 0.01}, 365)), "no variation");
        assertTrue(Double.isNaN(RiskAdjusted.sortino(new double[] {0.01, 0.02}, 365)), "no losing period");
        assertTrue(Double.isNaN(RiskAdjusted.sharpe(new double[] {0.01}, 365)), "one return");
    }

    @Test
    void cagrCompoundsOver365DayYears() {
        assertEquals(0.1, RiskAdjusted.cagr(1000, 1210, Duration.ofDays(730)), 1e-12, "1.21 over two years");
        assertEquals(-1, RiskAdjusted.cagr(1000, 0, Duration.ofDays(30)), 0, "all lost");
        assertEquals(Math.pow(0.92, 365.0 / 7) - 1, RiskAdjusted.cagr(100_000, 92_000, Duration.ofDays(7)), 1e-12, "a week's −8%, annualised");
    }

    @Test
    void dailyReturnsTakeEachUtcDaysLastPoint() {
        EquityCurve twoDays = Made.flat(Made.times("2024-01-01T22:00:00Z", Duration.ofHours(1), 4), "1010", "1020", "999.6", "1009.596");
        // day 1 (22:00, 23:00) ends at 1020, day 2 (00:00, 01:00) at 1009.596
        assertArrayEquals(new double[] {0.02, 1009.596 / 1020 - 1}, Returns.daily(twoDays, Made.usdt("1000")), 1e-12);
    }

    @Test
    void aReturnAfterNonPositiveEquityIsNotDefined() {
        EquityCurve broke = Made.flat(Made.times("2024-01-01T00:00:00Z", Duration.ofDays(1), 3), "-10", "5", "6");
        double[] r = Returns.perBar(broke, Made.usdt("1000"));
        assertEquals(-1.01, r[0], 1e-12);
        assertTrue(Double.isNaN(r[1]));
        assertTrue(Double.isNaN(RiskAdjusted.sharpe(r, 365)));
    }
}
