package dev.trader.risk.propfirm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The prop firm's day: it starts at local midnight in its zone (Europe/Prague: CET/CEST), so a
 * day is 23 hours long on the spring DST switch and 25 on the autumn one. All arithmetic is on
 * event time passed in, never the wall clock.
 */
public record TradingDays(ZoneId zone) {
    public static final TradingDays PRAGUE = new TradingDays(PropFirmConfig.PRAGUE);

    public TradingDays {
        Objects.requireNonNull(zone, "zone");
    }

    /** The local date {@code time} falls on. */
    public LocalDate dayOf(Instant time) {
        return LocalDate.ofInstant(time, zone);
    }

    /** The instant {@code day} starts: its local midnight. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The next local midnight strictly after {@code time}. */
    public Instant nextMidnight(Instant time) {
        return startOf(dayOf(time).plusDays(1));
    }
}
