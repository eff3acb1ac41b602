package dev.trader.domain.algo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an instrument usually trades in each minute of the (UTC) day: the mean 1m volume of that
 * minute over the days the profile was built from, counting only the days that had a bar in that
 * minute (a gap in the data is not a quiet minute). Immutable.
 */
public final class VolumeProfile {
    static final int MINUTES = 24 * 60;
    /** Decimals of the mean volumes: they are weights, not quantities, so a fixed precision serves. */
    private static final int SCALE = 12;

    private final BigDecimal[] mean;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final int days;

    VolumeProfile(BigDecimal[] sums, int[] counts, LocalDate firstDay, LocalDate lastDay, int days) {
        this.mean = new BigDecimal[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            mean[m] = counts[m] == 0 ? BigDecimal.ZERO : sums[m].divide(BigDecimal.valueOf(counts[m]), SCALE, RoundingMode.HALF_EVEN);
        }
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.days = days;
    }

    /** A profile of no days: every minute has no volume. */
    public static VolumeProfile empty() {
        BigDecimal[] zeros = new BigDecimal[MINUTES];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return new VolumeProfile(zeros, new int[MINUTES], null, null, 0);
    }

    /** The usual volume of the 1m bar opening at {@code minuteOfDay} (0 = 00:00 UTC). */
    public BigDecimal volumeAt(int minuteOfDay) {
        return mean[Math.floorMod(minuteOfDay, MINUTES)];
    }

    /** The usual volume of each of {@code bars} consecutive 1m bars, the first opening at {@code firstOpen}. */
    public List<BigDecimal> barVolumes(Instant firstOpen, int bars) {
        Objects.requireNonNull(firstOpen, "firstOpen");
        int first = minuteOfDay(firstOpen);
        List<BigDecimal> out = new ArrayList<>(bars);
        for (int i = 0; i < bars; i++) {
            out.add(volumeAt(first + i));
        }
        return out;
    }

    public int days() {
        return days;
    }

    public boolean isEmpty() {
        return days == 0;
    }

    /** Where the profile came from, for a plan's note. */
    public String describe() {
        return days == 0 ? "no days of 1m bars" : days + " day(s) of 1m bars, " + firstDay + " to " + lastDay + " UTC";
    }

    static int minuteOfDay(Instant time) {
        return (int) Math.floorMod(time.getEpochSecond() / 60, (long) MINUTES);
    }

    @Override
    public String toString() {
        return "VolumeProfile[" + describe() + "]";
    }
}
