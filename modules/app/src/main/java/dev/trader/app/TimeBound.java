package dev.trader.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time on the command line: an ISO instant (2023-04-15T12:00:00Z) or a UTC date (2023-04-15, its midnight). */
final class TimeBound {
    private TimeBound() {
    }

    static Instant parse(String option, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a UTC date (2023-04-15) or an ISO instant (2023-04-15T12:00:00Z), not '" + text + "'");
        }
    }
}
