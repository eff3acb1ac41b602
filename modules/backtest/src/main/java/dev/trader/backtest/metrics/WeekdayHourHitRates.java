package dev.trader.backtest.metrics;

import dev.trader.backtest.RoundTrip;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Trades by the UTC weekday and hour of their entry (their open time): a 7 × 24 grid, Monday
 * first, for the heatmap of when a strategy works.
 */
public final class WeekdayHourHitRates {
    private final HitRate[][] cells;

    private WeekdayHourHitRates(HitRate[][] cells) {
        this.cells = cells;
    }

    public static WeekdayHourHitRates of(List<RoundTrip> trades, String currency) {
        HitRate[][] cells = new HitRate[7][24];
        HitRate empty = HitRate.empty(currency);
        for (HitRate[] row : cells) {
            Arrays.fill(row, empty);
        }
        for (RoundTrip t : trades) {
            ZonedDateTime utc = t.openTime().atZone(ZoneOffset.UTC);
            int d = utc.getDayOfWeek().getValue() - 1;
            cells[d][utc.getHour()] = cells[d][utc.getHour()].plus(t);
        }
        return new WeekdayHourHitRates(cells);
    }

    /** The trades entered on {@code day} (UTC) in hour {@code hour} (0-23, UTC). */
    public HitRate cell(DayOfWeek day, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be within 0..23 but was " + hour);
        }
        return cells[day.getValue() - 1][hour];
    }

    /** Equal when every cell is: results of two runs compare by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WeekdayHourHitRates w && Arrays.deepEquals(cells, w.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }
}
