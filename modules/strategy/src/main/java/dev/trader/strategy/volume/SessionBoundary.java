package dev.trader.strategy.volume;

import dev.trader.strategy.state.StateObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Where sessions begin and end, for the indicators that reset at a session boundary
 * ({@link SessionVwap}, {@link TradeVwap}). A pure description: it holds no progress, so one
 * instance may be shared. Three kinds:
 * <ul>
 *   <li>{@link #fixed}: back-to-back sessions of one length, aligned to the epoch plus an offset
 *       ({@link #utcMidnight()} is one day at offset 0; hourly sessions are useful too);</li>
 *   <li>{@link #daily}: one session a day starting at a local time in a time zone, so that
 *       e.g. a New York session keeps its wall-clock start across daylight saving changes
 *       (sessions are then 23 or 25 hours long on those days);</li>
 *   <li>{@link #never()}: one session without end (an anchored VWAP from the first input).</li>
 * </ul>
 * Times are epoch milliseconds; an input belongs to the session whose [start, end) holds it.
 *
 * <p>A state object (the VWAPs snapshot it with themselves), unlike
 * {@code dev.trader.strategy.session.SessionClock}, which tags instants with the Asia, London and
 * New York market sessions.
 */
public final class SessionBoundary extends StateObject {
    private static final long DAY_MS = 86_400_000L;

    /** The three kinds of session boundary. */
    public enum Kind { FIXED, DAILY, NEVER }

    private Kind kind;
    private long lengthMs;
    private long offsetMs;
    private String zone;
    private int startSecondOfDay;

    private SessionBoundary() {
    }

    private SessionBoundary(Kind kind, long lengthMs, long offsetMs, String zone, int startSecondOfDay) {
        this.kind = kind;
        this.lengthMs = lengthMs;
        this.offsetMs = offsetMs;
        this.zone = zone;
        this.startSecondOfDay = startSecondOfDay;
    }

    /** Daily sessions starting at 00:00 UTC: the default. */
    public static SessionBoundary utcMidnight() {
        return fixed(Duration.ofDays(1), Duration.ZERO);
    }

    /** Sessions of {@code length} starting at {@code offset} past each multiple of {@code length} since the epoch. */
    public static SessionBoundary fixed(Duration length, Duration offset) {
        long len = length.toMillis();
        if (len < 1) {
            throw new IllegalArgumentException("session length must be at least 1 ms but was " + length);
        }
        return new SessionBoundary(Kind.FIXED, len, Math.floorMod(offset.toMillis(), len), null, 0);
    }

    /** One session a day from {@code start} local time in {@code zone}. */
    public static SessionBoundary daily(ZoneId zone, LocalTime start) {
        if (start.getNano() != 0) {
            throw new IllegalArgumentException("session start must be whole seconds but was " + start);
        }
        return new SessionBoundary(Kind.DAILY, DAY_MS, 0, zone.getId(), start.toSecondOfDay());
    }

    /** A single session that never ends. */
    public static SessionBoundary never() {
        return new SessionBoundary(Kind.NEVER, 0, 0, null, 0);
    }

    /** The start (epoch ms, inclusive) of the session holding {@code timeMs}. */
    public long sessionStart(long timeMs) {
        return switch (kind) {
            case FIXED -> Math.floorDiv(timeMs - offsetMs, lengthMs) * lengthMs + offsetMs;
            case DAILY -> {
                ZoneId z = ZoneId.of(zone);
                LocalTime start = LocalTime.ofSecondOfDay(startSecondOfDay);
                LocalDate day = Instant.ofEpochMilli(timeMs).atZone(z).toLocalDate();
                long candidate = ZonedDateTime.of(day, start, z).toInstant().toEpochMilli();
                yield candidate <= timeMs ? candidate : ZonedDateTime.of(day.minusDays(1), start, z).toInstant().toEpochMilli();
            }
            case NEVER -> Long.MIN_VALUE;
        };
    }

    /** The end (epoch ms, exclusive) of the session that starts at {@code sessionStartMs}. */
    public long sessionEnd(long sessionStartMs) {
        return switch (kind) {
            case FIXED -> sessionStartMs + lengthMs;
            case DAILY -> {
                ZoneId z = ZoneId.of(zone);
                LocalDate day = Instant.ofEpochMilli(sessionStartMs).atZone(z).toLocalDate();
                yield ZonedDateTime.of(day.plusDays(1), LocalTime.ofSecondOfDay(startSecondOfDay), z).toInstant().toEpochMilli();
            }
            case NEVER -> Long.MAX_VALUE;
        };
    }

    public Kind kind() {
        return kind;
    }
}
