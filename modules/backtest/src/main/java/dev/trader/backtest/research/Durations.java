package dev.trader.backtest.research;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the window lengths of the command line: {@code 90m}, {@code 12h}, {@code 7d}, {@code 2w}, or ISO-8601 ({@code PT36H}, {@code P7D}). */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            }
            if (t.length() < 2) {
                throw new IllegalArgumentException(bad(text));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                case 'w' -> Duration.ofDays(7 * n);
                default -> throw new IllegalArgumentException(bad(text));
            };
            return positive(d, text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(bad(text), e);
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(bad(text));
        }
        return d;
    }

    private static String bad(String text) {
        return "'" + text + "' is not a duration like 90m, 12h, 7d, 2w or PT36H";
    }
}
