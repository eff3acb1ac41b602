package dev.trader.backtest.execmetrics;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Which figure of a distribution a run charges: the mean by default (the expected cost, so that a
 * backtest's total cost is right on average), the median or the 90th percentile for a
 * pessimistic run.
 */
public enum CostStatistic {
    MEAN,
    P50,
    P90;

    /** {@code mean}, {@code p50} or {@code p90}, any case. */
    public static CostStatistic parse(String text) {
        for (CostStatistic s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("execution-metrics statistic must be mean, p50 or p90 but was '" + text + "'");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    BigDecimal of(BpsStats stats) {
        return switch (this) {
            case MEAN -> stats.mean();
            case P50 -> stats.p50();
            case P90 -> stats.p90();
        };
    }
}
