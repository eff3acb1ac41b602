package dev.trader.strategy.session;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Calendar features of one instant: the sessions open, and day of week and hour of day both in
 * UTC and in the exchange's local time ({@code exchangeZone}).
 */
public record SessionFeatures(Instant time, Set<Session> sessions, DayOfWeek dayOfWeekUtc, int hourOfDayUtc,
                              ZoneId exchangeZone, DayOfWeek dayOfWeekExchange, int hourOfDayExchange) {
    public SessionFeatures {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(exchangeZone, "exchangeZone");
        Objects.requireNonNull(dayOfWeekUtc, "dayOfWeekUtc");
        Objects.requireNonNull(dayOfWeekExchange, "dayOfWeekExchange");
        sessions = Set.copyOf(sessions);
    }

    public boolean in(Session session) {
        return sessions.contains(session);
    }
}
