package dev.trader.backtest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What pre-trade risk did in a {@link RiskMode#PROP_FIRM} run: entries approved, rejections by
 * rule (sorted), halts, flatten requests, and trading days as the risk account counted them.
 * All zero with {@link RiskMode#OFF}.
 */
public record RiskSummary(long approved, Map<String, Long> rejectionsByRule, long halts, long flattens, int tradingDays) {
    public static final RiskSummary NONE = new RiskSummary(0, Map.of(), 0, 0, 0);

    public RiskSummary {
        rejectionsByRule = java.util.Collections.unmodifiableMap(new TreeMap<>(rejectionsByRule));
    }

    public long rejected() {
        long n = 0;
        for (long v : rejectionsByRule.values()) {
            n += v;
        }
        return n;
    }
}
