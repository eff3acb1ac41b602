package dev.trader.execution.sim;

import java.time.Duration;

/** How fast the paced replay steps: one bar every {@code barInterval} of wall time. */
public record ReplayPacing(Duration barInterval) {
    public ReplayPacing {
        if (barInterval == null || barInterval.isNegative() || barInterval.isZero()) {
            throw new IllegalArgumentException("replay barInterval must be positive but was " + barInterval);
        }
    }

    public static ReplayPacing barsPerSecond(double bars) {
        if (!(bars > 0)) {
            throw new IllegalArgumentException("bars per second must be positive but was " + bars);
        }
        return new ReplayPacing(Duration.ofNanos((long) (1_000_000_000L / bars)));
    }
}
