package dev.trader.engine.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When the daily export runs: at {@code at} UTC every day, exporting the UTC day before the run. The wall clock decides
 * here, which is fine for an operational job: no trading decision depends on it.
 */
public final class ExportSchedule {
    private ExportSchedule() {
    }

    /** The first run strictly after {@code now}. */
    public static Instant next(Instant now, LocalTime at) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(at).atZone(ZoneOffset.UTC);
        return today.toInstant().isAfter(now) ? today.toInstant() : today.plusDays(1).toInstant();
    }

    /** The day a run at {@code runAt} exports: the UTC day before. */
    public static LocalDate dayExportedAt(Instant runAt) {
        return LocalDate.ofInstant(runAt, ZoneOffset.UTC).minusDays(1);
    }
}
