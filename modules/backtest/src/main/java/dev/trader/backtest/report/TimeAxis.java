package dev.trader.backtest.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ticks of a UTC time axis: the finest of a few round steps that gives at most ten ticks, aligned to the epoch. */
record TimeAxis(long min, long max, long step) {
    private static final long[] STEPS = {
        Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(5).toMillis(), Duration.ofMinutes(15).toMillis(), Duration.ofMinutes(30).toMillis(),
        Duration.ofHours(1).toMillis(), Duration.ofHours(3).toMillis(), Duration.ofHours(6).toMillis(), Duration.ofHours(12).toMillis(),
        Duration.ofDays(1).toMillis(), Duration.ofDays(2).toMillis(), Duration.ofDays(7).toMillis(), Duration.ofDays(14).toMillis(),
        Duration.ofDays(28).toMillis(), Duration.ofDays(91).toMillis(), Duration.ofDays(182).toMillis(), Duration.ofDays(364).toMillis()};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    static TimeAxis of(long min, long max) {
        long range = Math.max(1, max - min);
        for (long s : STEPS) {
            if (range / s <= 10) {
                return new TimeAxis(min, max, s);
            }
        }
        return new TimeAxis(min, max, STEPS[STEPS.length - 1] * (range / STEPS[STEPS.length - 1] / 10 + 1));
    }

    List<Long> ticks() {
        List<Long> out = new ArrayList<>();
        for (long t = Math.floorDiv(min + step - 1, step) * step; t <= max; t += step) {
            out.add(t);
        }
        return out;
    }

    String label(long t) {
        return (step >= Duration.ofDays(1).toMillis() ? DAY : MINUTE).format(Instant.ofEpochMilli(t));
    }
}
