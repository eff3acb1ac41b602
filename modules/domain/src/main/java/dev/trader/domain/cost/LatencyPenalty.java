package dev.trader.domain.cost;

import dev.trader.domain.id.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulated latency of a decision (from the moment it is made to the moment its order reaches
 * the market) and the rule that degrades a late one: when {@code latency} exceeds
 * {@code threshold}, a market order pays {@link TakerCosts#late}, the 90th percentile of the
 * measured slippage of its symbol and session, instead of the usual figure. At or below the
 * threshold, and with no latency (the default), nothing changes.
 *
 * <p>The configured latency is the whole delay: the bar model fills a market order decided at a
 * bar's close at the next bar's open, the first price after the decision, so it adds no delay of
 * its own; a bar missing from the data is the market not trading, not our order travelling, and an
 * order that rests at the venue (the rest of a partial fill, a stop, a limit) is not late anymore.
 * Only market orders are degraded: a stop is triggered by the venue and a limit fills at its price,
 * so neither carries a decision's age.
 *
 * <p>One implementation for both modes: the backtest's exchange and the paper venue call
 * {@link #marketCost}, so the same costs and latency give the same fill in both.
 */
public record LatencyPenalty(Duration latency, Duration threshold) {
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(500);
    /** No latency: never late. */
    public static final LatencyPenalty NONE = new LatencyPenalty(Duration.ZERO, DEFAULT_THRESHOLD);

    public LatencyPenalty {
        requireNotNegative(latency, "latency");
        requireNotNegative(threshold, "latency penalty threshold");
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative but was " + d.toMillis() + " ms");
        }
    }

    /** Whether every decision reaches the market later than the threshold allows. */
    public boolean late() {
        return latency.compareTo(threshold) > 0;
    }

    /** The cost a market order of {@code instrument} pays in the bar opening at {@code time}: the late cost above the threshold. */
    public TakerCost marketCost(TakerCosts costs, InstrumentId instrument, Instant time) {
        return late() ? costs.late(instrument, time) : costs.at(instrument, time);
    }
}
