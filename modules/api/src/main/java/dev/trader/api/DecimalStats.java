package dev.trader.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample of exact decimals summed up as the API states it: its size, the mean (rounded half-even
 * to {@value #MEAN_SCALE} decimals) and the 50th and 90th percentiles by nearest rank (values of the
 * sample itself, never interpolated). An empty sample has no figures: they are null.
 */
public record DecimalStats(long n, String mean, String p50, String p90) {
    static final int MEAN_SCALE = 6;
    static final DecimalStats EMPTY = new DecimalStats(0, null, null, null);

    static DecimalStats of(List<BigDecimal> sample) {
        if (sample.isEmpty()) {
            return EMPTY;
        }
        List<BigDecimal> sorted = new ArrayList<>(sample);
        sorted.sort(null);
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size()), MEAN_SCALE, RoundingMode.HALF_EVEN);
        return new DecimalStats(sorted.size(), mean.toPlainString(), nearestRank(sorted, 50).toPlainString(),
                nearestRank(sorted, 90).toPlainString());
    }

    /** The smallest value with at least {@code percent}% of the sample at or below it. */
    static BigDecimal nearestRank(List<BigDecimal> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100; // ⌈percent × n / 100⌉ in integers
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
