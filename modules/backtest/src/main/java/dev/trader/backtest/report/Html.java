package dev.trader.backtest.report;

import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** Escaping and the number formats the report shows (fixed, {@link Locale#ROOT}: the same text on every machine). */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate: one decimal. */
    static String c(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Money with thousands separators and 2 decimals (rounded half-even for display only). */
    static String money(Money m) {
        return money(m.toBigDecimal());
    }

    static String money(BigDecimal d) {
        return String.format(Locale.ROOT, "%,.2f", d.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A fraction as a percentage with {@code decimals}; "n/a" when not defined. */
    static String percent(double fraction, int decimals) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100) : "n/a";
    }

    /** A ratio with {@code decimals}; "n/a" when not defined. */
    static String ratio(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    /** A duration as days, hours and minutes ("2d 03h 15m", "45m 10s"). */
    static String duration(Duration d) {
        long s = d.toSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh %02dm", days, hours, minutes);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
        }
        return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds);
    }
}
