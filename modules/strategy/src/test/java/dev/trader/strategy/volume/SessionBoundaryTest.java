package dev.trader.strategy.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SessionBoundaryTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void utcMidnightDays() {
        SessionBoundary s = SessionBoundary.utcMidnight();
        assertEquals(t("2024-03-10T00:00:00Z"), s.sessionStart(t("2024-03-10T00:00:00Z")));
        assertEquals(t("2024-03-10T00:00:00Z"), s.sessionStart(t("2024-03-10T23:59:59.999Z")));
        assertEquals(t("2024-03-11T00:00:00Z"), s.sessionEnd(t("2024-03-10T00:00:00Z")));
        // before the epoch too (floor, not truncation)
        assertEquals(t("1969-12-31T00:00:00Z"), s.sessionStart(t("1969-12-31T12:00:00Z")));
    }

    @Test
    void newYorkSessionKeepsItsWallClockStartAcrossDaylightSaving() {
        SessionBoundary s = SessionBoundary.daily(ZoneId.of("America/New_York"), LocalTime.of(9, 30));
        // winter: 09:30 EST = 14:30 UTC; summer: 09:30 EDT = 13:30 UTC (DST began 2024-03-10)
        assertEquals(t("2024-03-08T14:30:00Z"), s.sessionStart(t("2024-03-08T20:00:00Z")));
        assertEquals(t("2024-03-11T13:30:00Z"), s.sessionStart(t("2024-03-11T20:00:00Z")));
        // before 09:30 local, the trade belongs to the previous day's session
        assertEquals(t("2024-03-08T14:30:00Z"), s.sessionStart(t("2024-03-09T14:00:00Z")));
        // the session spanning the change is one hour short
        assertEquals(t("2024-03-10T13:30:00Z"), s.sessionEnd(t("2024-03-09T14:30:00Z")));
    }

    @Test
    void neverIsOneSession() {
        SessionBoundary s = SessionBoundary.never();
        assertEquals(Long.MIN_VALUE, s.sessionStart(123));
        assertEquals(Long.MAX_VALUE, s.sessionEnd(Long.MIN_VALUE));
    }

    @Test
    void invalidDefinitionsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SessionBoundary.fixed(Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SessionBoundary.daily(ZoneId.of("UTC"), LocalTime.of(9, 30, 0, 5)));
    }
}
