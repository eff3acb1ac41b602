package dev.trader.strategy.session;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A session's opening hours as the local market keeps them: {@code [start, end)} in local time
 * of {@code zone}, on the local {@code days}. Comparing local times, rather than fixed UTC
 * offsets, is what makes daylight saving right: London's 08:00 is 08:00 UTC in winter and
 * 07:00 UTC in summer, on whatever date the UK switches.
 *
 * <p>A window whose end is before its start crosses local midnight (22:00-06:00, say); it then
 * belongs to the day on which it opens. Start and end may not be equal.
 */
public record SessionWindow(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Tokyo, 09:00-18:00 Asia/Tokyo (Japan keeps no daylight saving), Monday to Friday. */
    public static final SessionWindow TOKYO = weekdays(ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(18, 0));
    /** London, 08:00-17:00 Europe/London, Monday to Friday. */
    public static final SessionWindow LONDON = weekdays(ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(17, 0));
    /** New York, 08:00-17:00 America/New_York, Monday to Friday. */
    public static final SessionWindow NEW_YORK = weekdays(ZoneId.of("America/New_York"), LocalTime.of(8, 0), LocalTime.of(17, 0));

    public SessionWindow {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(days, "days");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a session window needs start != end but both were " + start + " (" + zone + ")");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a session window needs at least one day (" + zone + " " + start + "-" + end + ")");
        }
        days = Set.copyOf(days);
    }

    /** A window open Monday to Friday, local days. */
    public static SessionWindow weekdays(ZoneId zone, LocalTime start, LocalTime end) {
        return new SessionWindow(zone, start, end, WEEKDAYS);
    }

    /** Whether the session is open at {@code time}: start inclusive, end exclusive. */
    public boolean contains(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalTime t = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (start.isBefore(end)) {
            return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
        }
        // crosses midnight: the evening part belongs to today, the early-morning part to yesterday's session
        return (!t.isBefore(start) && days.contains(day)) || (t.isBefore(end) && days.contains(day.minus(1)));
    }
}
