package dev.trader.domain.algo;

import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volume profile of one instrument over its last {@code days} whole UTC days, kept up to date
 * from the 1m bars it is fed in event-time order (a bar at or before the last one is a replay and
 * ignored). The profile never includes the day in progress, so each minute of the day is counted
 * over the same days. Not thread-safe: one owner feeds and reads it.
 */
public final class RollingVolumeProfile {
    private final int days;
    /** Per UTC day, the volume of each minute that had a bar (null: no bar). */
    private final TreeMap<LocalDate, BigDecimal[]> byDay = new TreeMap<>();
    private Instant lastOpen;

    public RollingVolumeProfile(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a volume profile needs at least one day but was given " + days);
        }
        this.days = days;
    }

    /** Takes in a closed 1m bar; other timeframes and replayed bars change nothing. */
    public void add(Bar bar) {
        if (bar.timeframe() != Timeframe.M1 || (lastOpen != null && !bar.openTime().isAfter(lastOpen))) {
            return;
        }
        lastOpen = bar.openTime();
        LocalDate day = LocalDate.ofInstant(bar.openTime(), ZoneOffset.UTC);
        byDay.computeIfAbsent(day, d -> new BigDecimal[VolumeProfile.MINUTES])[VolumeProfile.minuteOfDay(bar.openTime())] = bar.volume().toBigDecimal();
        // The whole days the profile may use, and the day in progress.
        while (byDay.size() > days + 1) {
            byDay.pollFirstEntry();
        }
    }

    /** The profile of the last {@code days} whole days before the day of the latest bar. */
    public VolumeProfile profile() {
        if (lastOpen == null) {
            return VolumeProfile.empty();
        }
        LocalDate today = LocalDate.ofInstant(lastOpen, ZoneOffset.UTC);
        List<Map.Entry<LocalDate, BigDecimal[]>> earlier = byDay.headMap(today, false).entrySet().stream().toList();
        earlier = earlier.subList(Math.max(0, earlier.size() - days), earlier.size());
        if (earlier.isEmpty()) {
            return VolumeProfile.empty();
        }
        BigDecimal[] sums = new BigDecimal[VolumeProfile.MINUTES];
        Arrays.fill(sums, BigDecimal.ZERO);
        int[] counts = new int[VolumeProfile.MINUTES];
        for (Map.Entry<LocalDate, BigDecimal[]> e : earlier) {
            BigDecimal[] volumes = e.getValue();
            for (int m = 0; m < VolumeProfile.MINUTES; m++) {
                if (volumes[m] != null) {
                    sums[m] = sums[m].add(volumes[m]);
                    counts[m]++;
                }
            }
        }
        return new VolumeProfile(sums, counts, earlier.get(0).getKey(), earlier.get(earlier.size() - 1).getKey(), earlier.size());
    }
}
