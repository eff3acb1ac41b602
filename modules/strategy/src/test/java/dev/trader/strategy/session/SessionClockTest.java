package dev.trader.strategy.session;

import static dev.trader.strategy.session.Session.ASIA;
import static dev.trader.strategy.session.Session.ASIA_LONDON_OVERLAP;
import static dev.trader.strategy.session.Session.LONDON;
import static dev.trader.strategy.session.Session.LONDON_NEW_YORK_OVERLAP;
import static dev.trader.strategy.session.Session.NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-picked instants of 2023. Clocks that year: the US moved to summer time on Sunday
 * 12 March and back on Sunday 5 November; the UK on Sunday 26 March and back on Sunday
 * 29 October; Japan never.
 */
class SessionClockTest {
    private static final SessionClock CLOCK = SessionClock.defaults();

    private static Arguments at(String instant, String why, Session... sessions) {
        Set<Session> expected = sessions.length == 0 ? EnumSet.noneOf(Session.class) : EnumSet.of(sessions[0], sessions);
        return Arguments.of(instant, expected, why);
    }

    static Stream<Arguments> instants() {
        return Stream.of(
                // winter on both sides (Wed 8 March): NY 08:00 EST = 13:00 UTC
                at("2023-03-08T12:30:00Z", "NY 07:30 EST not open yet", LONDON),
                at("2023-03-08T13:00:00Z", "NY opens 08:00 EST", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-08T16:59:00Z", "London's last minute 16:59 GMT", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-08T17:00:00Z", "London closed 17:00 GMT", NEW_YORK),
                // US on summer time, UK not yet (Wed 15 March): the overlap is 12:00-17:00 UTC
                at("2023-03-15T11:59:00Z", "NY 07:59 EDT", LONDON),
                at("2023-03-15T12:00:00Z", "NY opens 08:00 EDT, an hour earlier in UTC", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-15T16:59:00Z", "London still 16:59 GMT", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-15T17:00:00Z", "London closed", NEW_YORK),
                at("2023-03-15T20:59:00Z", "NY 16:59 EDT", NEW_YORK),
                at("2023-03-15T21:00:00Z", "NY closed 17:00 EDT; Tokyo opens at 00:00 UTC"),
                at("2023-03-15T07:59:00Z", "London 07:59 GMT, Tokyo 16:59", ASIA),
                at("2023-03-15T08:00:00Z", "London opens 08:00 GMT", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                // both on summer time (Wed 29 March): London 08:00 BST = 07:00 UTC, overlap 12:00-16:00 UTC
                at("2023-03-29T06:59:00Z", "London 07:59 BST", ASIA),
                at("2023-03-29T07:00:00Z", "London opens 08:00 BST", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                at("2023-03-29T12:00:00Z", "NY opens", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-29T15:59:00Z", "London 16:59 BST", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-03-29T16:00:00Z", "London closed 17:00 BST", NEW_YORK),
                at("2023-03-27T07:00:00Z", "the Monday after the UK switch", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                // autumn: UK back on GMT (29 Oct), US still on EDT until 5 Nov
                at("2023-10-25T07:30:00Z", "London 08:30 BST", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                at("2023-10-25T16:30:00Z", "London 17:30 BST closed", NEW_YORK),
                at("2023-11-01T07:30:00Z", "London 07:30 GMT not open yet", ASIA),
                at("2023-11-01T12:00:00Z", "NY 08:00 EDT", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-11-01T16:30:00Z", "London 16:30 GMT still open", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                at("2023-11-08T12:00:00Z", "NY 07:00 EST, back to 13:00 UTC", LONDON),
                at("2023-11-08T13:00:00Z", "NY 08:00 EST", LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP),
                // Tokyo: 09:00-18:00 JST is 00:00-09:00 UTC all year
                at("2023-01-09T23:59:00Z", "Tokyo Tue 08:59 JST"),
                at("2023-01-10T00:00:00Z", "Tokyo Tue 09:00 JST", ASIA),
                at("2023-01-10T08:59:00Z", "Tokyo 17:59, London 08:59 GMT", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                at("2023-01-10T09:00:00Z", "Tokyo closed 18:00", LONDON),
                at("2023-07-11T00:00:00Z", "Tokyo 09:00 JST in July too", ASIA),
                at("2023-07-11T08:59:00Z", "Tokyo 17:59, London 09:59 BST", ASIA, LONDON, ASIA_LONDON_OVERLAP),
                at("2023-07-11T09:00:00Z", "Tokyo closed", LONDON),
                // weekends
                at("2023-03-17T20:59:00Z", "Friday NY 16:59 EDT", NEW_YORK),
                at("2023-03-17T21:00:00Z", "Friday NY closed"),
                at("2023-03-18T00:30:00Z", "Saturday 09:30 in Tokyo"),
                at("2023-03-18T12:30:00Z", "Saturday"),
                at("2023-03-12T13:00:00Z", "Sunday of the US switch"),
                at("2023-03-26T09:00:00Z", "Sunday of the UK switch"),
                at("2023-03-19T23:59:00Z", "Sunday UTC, Monday 08:59 in Tokyo"),
                at("2023-03-20T00:00:00Z", "Sunday->Monday: Tokyo Monday 09:00 opens the week", ASIA));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("instants")
    void sessionsAt(String instant, Set<Session> expected, String why) {
        assertEquals(expected, CLOCK.sessionsAt(Instant.parse(instant)), why);
    }

    @Test
    void overlapsHoldExactlyWhenBothSessionsDo() {
        Instant t = Instant.parse("2023-01-02T00:00:00Z");
        for (int m = 0; m < 14 * 24 * 60; m += 7) {
            Set<Session> s = CLOCK.sessionsAt(t.plusSeconds(60L * m));
            assertEquals(s.contains(ASIA) && s.contains(LONDON), s.contains(ASIA_LONDON_OVERLAP), s.toString());
            assertEquals(s.contains(LONDON) && s.contains(NEW_YORK), s.contains(LONDON_NEW_YORK_OVERLAP), s.toString());
        }
    }

    @Test
    void featuresGiveDayAndHourInUtcAndExchangeTime() {
        SessionClock ny = SessionClock.withExchangeZone(ZoneId.of("America/New_York"));
        SessionFeatures f = ny.features(Instant.parse("2023-03-13T03:30:00Z"));
        assertEquals(DayOfWeek.MONDAY, f.dayOfWeekUtc());
        assertEquals(3, f.hourOfDayUtc());
        assertEquals(DayOfWeek.SUNDAY, f.dayOfWeekExchange(), "23:30 EDT on Sunday");
        assertEquals(23, f.hourOfDayExchange());
        assertEquals(Set.of(ASIA), f.sessions(), "Monday 12:30 in Tokyo");
        assertTrue(f.in(ASIA));

        // the night of the US switch: 01:30 EST, then 03:30 EDT an hour later (02:00-03:00 does not exist)
        assertEquals(1, ny.features(Instant.parse("2023-03-12T06:30:00Z")).hourOfDayExchange());
        assertEquals(3, ny.features(Instant.parse("2023-03-12T07:30:00Z")).hourOfDayExchange());

        SessionFeatures utc = SessionClock.defaults().features(Instant.parse("2023-03-15T12:00:00Z"));
        assertEquals(ZoneOffset.UTC, utc.exchangeZone());
        assertEquals(12, utc.hourOfDayExchange());
        assertEquals(DayOfWeek.WEDNESDAY, utc.dayOfWeekExchange());
        assertEquals(Set.of(LONDON, NEW_YORK, LONDON_NEW_YORK_OVERLAP), utc.sessions());
    }

    @Test
    void windowsAreConfigurableIncludingOvernightAndAllWeek() {
        // an "Asia" that is Sydney-and-Tokyo, 22:00-06:00 UTC, opening Sunday to Thursday evenings
        SessionWindow overnight = new SessionWindow(ZoneOffset.UTC, LocalTime.of(22, 0), LocalTime.of(6, 0),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        SessionClock clock = new SessionClock(overnight, SessionWindow.LONDON, SessionWindow.NEW_YORK, ZoneOffset.UTC);
        assertTrue(clock.isOpen(ASIA, Instant.parse("2023-03-19T22:00:00Z")), "Sunday 22:00 opens the week");
        assertTrue(clock.isOpen(ASIA, Instant.parse("2023-03-20T05:59:00Z")), "Monday early morning belongs to Sunday's session");
        assertFalse(clock.isOpen(ASIA, Instant.parse("2023-03-20T06:00:00Z")));
        assertTrue(clock.isOpen(ASIA, Instant.parse("2023-03-24T03:00:00Z")), "Friday early morning belongs to Thursday's");
        assertFalse(clock.isOpen(ASIA, Instant.parse("2023-03-24T23:00:00Z")), "no Friday evening session");
        assertFalse(clock.isOpen(ASIA, Instant.parse("2023-03-25T03:00:00Z")), "nor Saturday morning");

        SessionWindow londonAllWeek = new SessionWindow(ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(17, 0), EnumSet.allOf(DayOfWeek.class));
        SessionClock crypto = new SessionClock(SessionWindow.TOKYO, londonAllWeek, SessionWindow.NEW_YORK, ZoneOffset.UTC);
        assertEquals(Set.of(LONDON), crypto.sessionsAt(Instant.parse("2023-03-18T12:30:00Z")), "Saturday, with weekend hours configured");

        assertThrows(IllegalArgumentException.class, () -> SessionWindow.weekdays(ZoneOffset.UTC, LocalTime.NOON, LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> new SessionWindow(ZoneOffset.UTC, LocalTime.of(8, 0), LocalTime.NOON, Set.of()));
    }
}
