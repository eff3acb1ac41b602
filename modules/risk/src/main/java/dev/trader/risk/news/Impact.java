package dev.trader.risk.news;

import java.util.Locale;
import java.util.Optional;

/** Forex Factory's impact levels, least to most important. */
public enum Impact {
    /** Holidays and other non-economic entries ("Non-Economic", "Holiday"). */
    NON_ECONOMIC,
    LOW,
    MEDIUM,
    HIGH;

    /**
     * Reads the calendar's spelling: "High Impact Expected" (the CSV), "High" (the weekly JSON
     * export), or the enum name; case-insensitive.
     */
    public static Optional<Impact> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith(" impact expected")) {
            t = t.substring(0, t.length() - " impact expected".length());
        }
        return switch (t) {
            case "high" -> Optional.of(HIGH);
            case "medium" -> Optional.of(MEDIUM);
            case "low" -> Optional.of(LOW);
            case "non-economic", "non_economic", "holiday" -> Optional.of(NON_ECONOMIC);
            default -> Optional.empty();
        };
    }

    public boolean atLeast(Impact other) {
        return compareTo(other) >= 0;
    }
}
