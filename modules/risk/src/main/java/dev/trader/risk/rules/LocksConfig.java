package dev.trader.risk.rules;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Drawdown locks.
 * <ul>
 *   <li>Daily drawdown lock: when equity falls to {@code dayStartBalance × (1 − maxDailyDrawdown)},
 *       new entries stop for {@code cooldown}. It engages at most once per trading day (after the
 *       cool-down the prop-firm floors still guard the rest of the day).</li>
 *   <li>Loss cluster: after {@code clusterLosses} losing trades within {@code clusterWindow},
 *       risk per trade is cut by {@code clusterReduction} (0.5 = half) for the rest of the
 *       session, which here is the trading day (until the next local midnight).</li>
 * </ul>
 */
public record LocksConfig(boolean drawdownLockEnabled, BigDecimal maxDailyDrawdown, Duration cooldown, boolean lossClusterEnabled,
                          int clusterLosses, Duration clusterWindow, BigDecimal clusterReduction) {
    public static final String LOCK_KEY = PREFIX + "drawdown-lock.";
    public static final String CLUSTER_KEY = PREFIX + "loss-cluster.";

    public LocksConfig {
        Check.aboveUpTo(LOCK_KEY + "max-daily-drawdown", maxDailyDrawdown, "0", "0.5");
        Check.within(LOCK_KEY + "cooldown", cooldown, Duration.ofMinutes(1), Duration.ofDays(7));
        Check.within(CLUSTER_KEY + "losses", clusterLosses, 1, 100);
        Check.within(CLUSTER_KEY + "window", clusterWindow, Duration.ofMinutes(1), Duration.ofDays(1));
        Check.within(CLUSTER_KEY + "risk-reduction", clusterReduction, "0", "1");
    }

    /** Lock at 3% daily drawdown for 4 hours; after 3 losses within 60 minutes halve the risk for the day. */
    public static LocksConfig defaults() {
        return new LocksConfig(true, new BigDecimal("0.03"), Duration.ofHours(4), true, 3, Duration.ofMinutes(60), new BigDecimal("0.5"));
    }

    public static LocksConfig read(ConfigReader r) {
        LocksConfig d = defaults();
        return new LocksConfig(r.bool(LOCK_KEY + "enabled", true), r.decimal(LOCK_KEY + "max-daily-drawdown", "0.03"),
                r.duration(LOCK_KEY + "cooldown", "4h"), r.bool(CLUSTER_KEY + "enabled", true), r.integer(CLUSTER_KEY + "losses", d.clusterLosses()),
                r.duration(CLUSTER_KEY + "window", "60m"), r.decimal(CLUSTER_KEY + "risk-reduction", "0.5"));
    }

    public LocksConfig withDrawdownLock(boolean enabled, BigDecimal max, Duration cooldown) {
        return new LocksConfig(enabled, max, cooldown, lossClusterEnabled, clusterLosses, clusterWindow, clusterReduction);
    }

    public LocksConfig withLossCluster(boolean enabled, int losses, Duration window, BigDecimal reduction) {
        return new LocksConfig(drawdownLockEnabled, maxDailyDrawdown, cooldown, enabled, losses, window, reduction);
    }
}
