package dev.trader.backtest.challenge;

import dev.trader.backtest.MarketData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Where challenges start: local midnights (the prop firm's day start) on the data, so that every
 * challenge's first day is a whole day. A start fits when its whole window of {@code days}
 * days lies within the data; when none fits, the first midnight is the one start and its
 * window is cut at the end of the data.
 */
public final class StartDates {
    private StartDates() {
    }

    /** Every {@code step} (a whole number of days) from the first midnight on the data. */
    public static List<Instant> every(MarketData data, Duration step, int days, ZoneId zone) {
        long stepDays = Math.max(1, step.toDays());
        List<Instant> all = fitting(data, days, zone);
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += (int) stepDays) {
            out.add(all.get(i));
        }
        return out;
    }

    /** {@code n} starts spread evenly over the fitting midnights (all of them when fewer fit). */
    public static List<Instant> spread(MarketData data, int n, int days, ZoneId zone) {
        List<Instant> all = fitting(data, days, zone);
        if (n >= all.size()) {
            return all;
        }
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = n == 1 ? 0 : (int) ((long) i * (all.size() - 1) / (n - 1));
            out.add(all.get(k));
        }
        return out;
    }

    private static List<Instant> fitting(MarketData data, int days, ZoneId zone) {
        Instant first = data.bar(0).openTime();
        Instant end = data.bar(data.size() - 1).closeTime();
        LocalDate d = LocalDate.ofInstant(first, zone);
        if (!d.atStartOfDay(zone).toInstant().equals(first)) {
            d = d.plusDays(1);
        }
        List<Instant> out = new ArrayList<>();
        for (LocalDate s = d; !s.plusDays(days).atStartOfDay(zone).toInstant().isAfter(end); s = s.plusDays(1)) {
            out.add(s.atStartOfDay(zone).toInstant());
        }
        if (out.isEmpty()) {
            Instant only = d.atStartOfDay(zone).toInstant();
            out.add(only.isBefore(end) ? only : first);
        }
        return out;
    }
}
