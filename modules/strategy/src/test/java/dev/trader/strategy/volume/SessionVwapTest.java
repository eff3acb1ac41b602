package dev.trader.strategy.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.indicator.StateTwins;
import dev.trader.strategy.indicator.StockChartsFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionVwapTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void handWorkedExampleResetsAtUtcMidnightAndWaitsForVolume() {
        // 2024-01-01 23:00 (12, 8, 10): tp 10, v 100 -> 1000 / 100 = 10
        // 2024-01-01 23:30 (13, 11, 12): tp 12, v 300 -> (1000 + 3600) / 400 = 11.5
        // 2024-01-02 00:00 (20, 20, 20), v 0: a new session with no volume yet -> NaN, not ready
        // 2024-01-02 00:30 (22, 20, 21): tp 21, v 10 -> 21
        SessionVwap vwap = SessionVwap.utcDaily();
        assertFalse(vwap.isReady());
        assertTrue(Double.isNaN(vwap.value()));
        vwap.update(t("2024-01-01T23:00:00Z"), 12, 8, 10, 100);
        assertEquals(10.0, vwap.value(), 1e-12);
        vwap.update(t("2024-01-01T23:30:00Z"), 13, 11, 12, 300);
        assertEquals(11.5, vwap.value(), 1e-12);
        assertEquals(400.0, vwap.sessionVolume());
        vwap.update(t("2024-01-02T00:00:00Z"), 20, 20, 20, 0);
        assertFalse(vwap.isReady());
        assertTrue(Double.isNaN(vwap.value()), "no volume in the session yet: no VWAP");
        assertEquals(t("2024-01-02T00:00:00Z"), vwap.sessionStartMs());
        vwap.update(t("2024-01-02T00:30:00Z"), 22, 20, 21, 10);
        assertTrue(vwap.isReady());
        assertEquals(21.0, vwap.value(), 1e-12);
        assertEquals(2, vwap.sessionBars());
    }

    @Test
    void zeroVolumeBarsLaterInASessionChangeNothing() {
        SessionVwap vwap = SessionVwap.utcDaily();
        vwap.update(0, 12, 8, 10, 5);
        vwap.update(60_000, 100, 100, 100, 0);
        assertEquals(10.0, vwap.value(), 0.0);
    }

    @Test
    void aBarFromBeforeTheCurrentSessionIsRejected() {
        SessionVwap vwap = SessionVwap.utcDaily();
        vwap.update(t("2024-01-02T00:00:00Z"), 10, 10, 10, 1);
        vwap.update(t("2024-01-02T01:00:00Z"), 10, 10, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> vwap.update(t("2024-01-01T23:59:00Z"), 10, 10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(t("2024-01-02T02:00:00Z"), 10, 10, 10, -1));
    }

    @Test
    void configurableBoundaryHourlyWithAnOffset() {
        // sessions of 1 h starting at :30
        SessionVwap vwap = new SessionVwap(SessionBoundary.fixed(Duration.ofHours(1), Duration.ofMinutes(30)));
        vwap.update(t("2024-01-01T10:29:00Z"), 10, 10, 10, 1);
        assertEquals(t("2024-01-01T09:30:00Z"), vwap.sessionStartMs());
        vwap.update(t("2024-01-01T10:30:00Z"), 20, 20, 20, 1);
        assertEquals(20.0, vwap.value(), 0.0);
        assertEquals(t("2024-01-01T10:30:00Z"), vwap.sessionStartMs());
    }

    /**
     * StockCharts' VWAP example ({@code cs-vwap}, full double precision) is a 14-bar rolling VWAP
     * of typical price (its first 13 rows are the cumulative VWAP of all bars so far). A session
     * VWAP is cumulative, so: one never-ending session fed rows 0..13 must equal rows 0..13, and
     * for every later row k a session that began at row k-13 must equal row k after its 14 bars.
     * Tolerance 1e-12 relative: the published values are full doubles, only summation order can
     * differ.
     */
    @Test
    void matchesStockChartsVwapOverEachFourteenBarSpan() {
        StockChartsFixture f = StockChartsFixture.load("/golden/stockcharts/cs-vwap.csv.gz");
        double[] high = f.column("High");
        double[] low = f.column("Low");
        double[] close = f.column("Close");
        double[] volume = f.column("Volume");
        double[] expected = f.column("vwap");
        double tolerance = 1e-12;
        double max = 0;
        SessionVwap anchored = new SessionVwap(SessionBoundary.never());
        for (int i = 0; i < 14; i++) {
            anchored.update(i, high[i], low[i], close[i], volume[i]);
            max = Math.max(max, Math.abs(anchored.value() - expected[i]) / expected[i]);
        }
        for (int k = 13; k < f.size(); k++) {
            SessionVwap span = new SessionVwap(SessionBoundary.never());
            for (int i = k - 13; i <= k; i++) {
                span.update(i, high[i], low[i], close[i], volume[i]);
            }
            max = Math.max(max, Math.abs(span.value() - expected[k]) / expected[k]);
        }
        System.out.printf("cs-vwap: %d rows, max relative error %.3e (tolerance %.0e)%n", f.size(), max, tolerance);
        assertEquals(30, f.size());
        assertTrue(max <= tolerance, "max relative VWAP error " + max);
    }

    @Test
    void twinsStayEqualAndSurviveARestoreAcrossHourlySessions() {
        double[][] c = VolumeFixtures.btcMinuteCandles();
        StateTwins.assertTwinsStayEqual(() -> new SessionVwap(SessionBoundary.fixed(Duration.ofHours(1), Duration.ZERO)), c[0].length,
                (v, i) -> v.update((long) c[0][i], c[2][i], c[3][i], c[4][i], c[5][i]),
                v -> new double[] {v.value(), v.sessionVolume(), v.sessionStartMs()});
    }

    @Test
    void sessionsMustBeGiven() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionVwap(null)).getMessage().contains("sessions"));
    }
}
