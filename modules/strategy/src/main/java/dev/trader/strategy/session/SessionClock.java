package dev.trader.strategy.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Tags instants with the trading sessions open at them ({@link Session}) and derives calendar
 * features. The three session windows are configurable ({@link SessionWindow}); the overlaps
 * are not configured separately but computed as "both sessions open", so they always agree
 * with the sessions, daylight saving included: in the weeks of 2023 when the US had moved its
 * clocks and the UK had not (12-26 March, 29 October-5 November) the London/New York overlap is
 * 12:00-17:00 UTC rather than the usual 13:00-17:00 (winter) or 12:00-16:00 (summer).
 *
 * <p>Immutable and stateless: a configuration, not strategy state.
 */
public final class SessionClock {
    private final SessionWindow asia;
    private final SessionWindow london;
    private final SessionWindow newYork;
    private final ZoneId exchangeZone;

    public SessionClock(SessionWindow asia, SessionWindow london, SessionWindow newYork, ZoneId exchangeZone) {
        this.asia = Objects.requireNonNull(asia, "asia");
        this.london = Objects.requireNonNull(london, "london");
        this.newYork = Objects.requireNonNull(newYork, "newYork");
        this.exchangeZone = Objects.requireNonNull(exchangeZone, "exchangeZone");
    }

    /** Tokyo 09:00-18:00, London 08:00-17:00, New York 08:00-17:00, local time, weekdays; exchange time UTC (crypto). */
    public static SessionClock defaults() {
        return withExchangeZone(ZoneOffset.UTC);
    }

    /** The default windows with another exchange-local zone (America/Chicago for CME, say). */
    public static SessionClock withExchangeZone(ZoneId exchangeZone) {
        return new SessionClock(SessionWindow.TOKYO, SessionWindow.LONDON, SessionWindow.NEW_YORK, exchangeZone);
    }

    /** The sessions open at {@code time}; empty at weekends and in the gap after New York closes. */
    public Set<Session> sessionsAt(Instant time) {
        Objects.requireNonNull(time, "time");
        EnumSet<Session> out = EnumSet.noneOf(Session.class);
        boolean a = asia.contains(time);
        boolean l = london.contains(time);
        boolean n = newYork.contains(time);
        if (a) {
            out.add(Session.ASIA);
        }
        if (l) {
            out.add(Session.LONDON);
        }
        if (n) {
            out.add(Session.NEW_YORK);
        }
        if (a && l) {
            out.add(Session.ASIA_LONDON_OVERLAP);
        }
        if (l && n) {
            out.add(Session.LONDON_NEW_YORK_OVERLAP);
        }
        return Collections.unmodifiableSet(out);
    }

    public boolean isOpen(Session session, Instant time) {
        return sessionsAt(time).contains(session);
    }

    public SessionFeatures features(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        ZonedDateTime local = time.atZone(exchangeZone);
        return new SessionFeatures(time, sessionsAt(time), utc.getDayOfWeek(), utc.getHour(),
                exchangeZone, local.getDayOfWeek(), local.getHour());
    }

    public SessionWindow asia() {
        return asia;
    }

    public SessionWindow london() {
        return london;
    }

    public SessionWindow newYork() {
        return newYork;
    }

    public ZoneId exchangeZone() {
        return exchangeZone;
    }
}
