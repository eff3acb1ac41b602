package dev.trader.strategy.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.regime.GoldenHourly.Hour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CusumChangeDetectorTest {

    /** 600 returns N(0, 1%²), then 400 whose mean has moved by {@code shift} standard deviations. */
    private static List<ChangePoint> runWithBreakAt600(long seed, double shift) {
        Random rnd = new Random(seed);
        CusumChangeDetector d = new CusumChangeDetector(200, 0.5, 8, 4);
        List<ChangePoint> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double r = 0.01 * rnd.nextGaussian() + (i >= 600 ? shift * 0.01 : 0);
            d.updateLogReturn(r).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void findsAKnownUpwardBreakSoonAfterItAndDatesItsStart() {
        for (long seed = 1; seed <= 10; seed++) {
            List<ChangePoint> found = runWithBreakAt600(seed, 1.0);
            assertFalse(found.isEmpty(), "seed " + seed);
            ChangePoint first = found.get(0);
            assertEquals(ChangeDirection.UP, first.direction(), "seed " + seed + ": " + found);
            assertTrue(first.index() >= 600 && first.index() < 640, "seed " + seed + ": alarm within 40 returns of the break: " + found);
            // the last zero of the sum before the alarm; noise can put it a few returns either side (up to 17 over these seeds)
            assertTrue(Math.abs(first.estimatedStart() - 600) <= 20, "seed " + seed + ": start estimate near 600: " + found);
            assertTrue(first.statistic() > 8);
            // the reference lags the test by design but has taken in the first post-break returns by the alarm
            assertTrue(Math.abs(first.referenceMean()) < 0.004, "seed " + seed + ": " + first);
            assertEquals(0.01, first.referenceStdDev(), 0.0015);
            assertEquals(1, found.size(), "seed " + seed + ": the reference restarts on the new mean, so one break is one alarm: " + found);
        }
    }

    @Test
    void findsADownwardBreakToo() {
        List<ChangePoint> found = runWithBreakAt600(4, -1.0);
        assertEquals(1, found.size(), found.toString());
        assertEquals(ChangeDirection.DOWN, found.get(0).direction());
        assertTrue(found.get(0).index() >= 600 && found.get(0).index() < 640, found.toString());
    }

    @Test
    void noAlarmWithoutABreakNorForOneHugeReturn() {
        for (long seed = 1; seed <= 10; seed++) {
            assertEquals(List.of(), runWithBreakAt600(seed, 0.0), "seed " + seed);
        }
        CusumChangeDetector d = new CusumChangeDetector(50, 0.5, 8, 4);
        Random rnd = new Random(1);
        for (int i = 0; i < 100; i++) {
            d.updateLogReturn(0.01 * rnd.nextGaussian());
        }
        double before = d.upperStatistic();
        assertEquals(Optional.empty(), d.updateLogReturn(0.5), "a 50-sigma bar alone is clipped to 4 and cannot reach 8");
        assertEquals(before + 4 - 0.5, d.upperStatistic(), 1e-12, "it adds clip - k");
    }

    @Test
    void referenceRestartsAfterAnAlarm() {
        CusumChangeDetector d = new CusumChangeDetector(20, 0.5, 5, 4);
        Random rnd = new Random(2);
        for (int i = 0; i < 20; i++) {
            d.updateLogReturn(0.01 * rnd.nextGaussian());
        }
        assertTrue(d.isReady());
        Optional<ChangePoint> alarm = Optional.empty();
        for (int i = 0; i < 10 && alarm.isEmpty(); i++) {
            alarm = d.updateLogReturn(0.05);
        }
        assertTrue(alarm.isPresent());
        assertFalse(d.isReady(), "learning the new regime");
        assertEquals(0.0, d.upperStatistic());
        for (int i = 0; i < 19; i++) {
            assertEquals(Optional.empty(), d.updateLogReturn(0.05 + 0.001 * rnd.nextGaussian()));
        }
        assertTrue(d.isReady());
    }

    /**
     * Real hourly BTCUSDT, 2022-01-01 to 03-25, with a week of reference (k = 0.5, h = 8, clip 4).
     * It flags exactly two changes, both well-known moves:
     * <ul>
     * <li>DOWN at the 2022-01-21 01:00 bar, run starting at the 2022-01-20 17:00 bar: the
     *     January 2022 sell-off (BTC from about 43k on the 20th to 36k on the 22nd).</li>
     * <li>UP at the 2022-02-04 17:00 bar, run starting at 14:00 the same day: the rally of
     *     4 February 2022 (about +10%, 37k to 41k, in an afternoon).</li>
     * </ul>
     * Nothing else in those 2,000 hours (which include the 24 February invasion and the
     * 28 February rebound, both within a reference window that had already widened) crosses h.
     */
    @Test
    void onRealHourlyBarsItFlagsTheJanuarySellOffAndTheFebruaryFourthRally() {
        List<Hour> hours = GoldenHourly.read();
        CusumChangeDetector d = CusumChangeDetector.hourlyDefaults();
        List<String> flagged = new ArrayList<>();
        for (Hour h : hours) {
            d.update(h.close()).ifPresent(cp -> flagged.add(cp.direction() + " at " + h.openTime() + " from "
                    // return i is the move into bar i + 1
                    + hours.get((int) cp.estimatedStart() + 1).openTime()));
        }
        assertEquals(List.of("DOWN at " + Instant.parse("2022-01-21T01:00:00Z") + " from " + Instant.parse("2022-01-20T17:00:00Z"),
                "UP at " + Instant.parse("2022-02-04T17:00:00Z") + " from " + Instant.parse("2022-02-04T14:00:00Z")), flagged);
    }

    @Test
    void rejectsBadParametersAndInput() {
        assertThrows(IllegalArgumentException.class, () -> new CusumChangeDetector(5, 0.5, 8, 4));
        assertThrows(IllegalArgumentException.class, () -> new CusumChangeDetector(50, 0.5, 3, 4), "one clipped bar could alarm");
        assertThrows(IllegalArgumentException.class, () -> new CusumChangeDetector(50, -0.1, 8, 4));
        CusumChangeDetector d = CusumChangeDetector.hourlyDefaults();
        assertThrows(IllegalArgumentException.class, () -> d.update(-1));
        assertThrows(IllegalArgumentException.class, () -> d.updateLogReturn(Double.NaN));
        assertEquals(169, d.warmUp());
    }
}
