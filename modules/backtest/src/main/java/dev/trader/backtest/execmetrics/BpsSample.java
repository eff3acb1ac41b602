package dev.trader.backtest.execmetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Observations in basis points, kept whole so that the percentiles are exact: the p-th percentile
 * is the nearest-rank one, the smallest observation with at least p% of the sample at or below it
 * ({@code sorted[ceil(p × n / 100) − 1]}), always a value that was observed; the mean is the exact
 * sum over n, rounded half-even to {@link Bps#SCALE} decimals.
 */
final class BpsSample {
    private final List<BigDecimal> values = new ArrayList<>();

    void add(BigDecimal bps) {
        values.add(Objects.requireNonNull(bps, "bps"));
    }

    void addAll(BpsSample other) {
        values.addAll(other.values);
    }

    int size() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The summary, labelled with the estimator {@code method}; {@link BpsStats#EMPTY} when nothing was observed. */
    BpsStats stats(String method) {
        int n = values.size();
        if (n == 0) {
            return BpsStats.EMPTY;
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : sorted) {
            sum = sum.add(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), Bps.SCALE, RoundingMode.HALF_EVEN);
        return new BpsStats(n, mean, nearestRank(sorted, 50), nearestRank(sorted, 90), method);
    }

    private static BigDecimal nearestRank(List<BigDecimal> sorted, int percent) {
        long n = sorted.size();
        long rank = (percent * n + 99) / 100; // ceil(percent × n / 100), in integers
        return sorted.get((int) Math.max(rank, 1) - 1);
    }
}
