package dev.trader.backtest.execmetrics;

import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The one session an instant's execution costs are filed under: Asia, London, New York as the
 * strategy module's {@link SessionClock} defines them (local opening hours, daylight saving
 * included, weekdays only), or outside all three (weekends, and the hours between New York's close
 * and Tokyo's open).
 *
 * <p>Where two sessions overlap, the one that opened last wins: New York during the London/New
 * York overlap, London during the Asia/London overlap. A cost needs exactly one cell, and the
 * session that just opened is the one bringing the new order flow; it is also what people mean by
 * "New York morning" for 13:00-16:00 UTC.
 */
public enum ExecutionSession {
    ASIA,
    LONDON,
    NEW_YORK,
    OUTSIDE;

    /** The session {@code time} belongs to on {@code clock}. */
    public static ExecutionSession of(SessionClock clock, Instant time) {
        Set<Session> open = clock.sessionsAt(time);
        if (open.contains(Session.NEW_YORK)) {
            return NEW_YORK;
        }
        if (open.contains(Session.LONDON)) {
            return LONDON;
        }
        if (open.contains(Session.ASIA)) {
            return ASIA;
        }
        return OUTSIDE;
    }

    /** The key in the metrics file: {@code asia}, {@code london}, {@code new_york}, {@code outside}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
