package dev.trader.domain.cost;

import dev.trader.domain.id.InstrumentId;
import java.time.Instant;
import java.util.Objects;

/**
 * The taker cost of an instrument at a moment: where measured costs vary by instrument and
 * trading session, this is how a venue asks for the one that applies to a fill. Implementations
 * must be immutable (a parameter sweep shares one between threads).
 */
@FunctionalInterface
public interface TakerCosts {
    /** No cost anywhere: fills at the reference price. */
    TakerCosts NONE = (instrument, time) -> TakerCost.ZERO;

    /** The cost of a taker fill of {@code instrument} in a bar that opens at {@code time}. */
    TakerCost at(InstrumentId instrument, Instant time);

    /**
     * The cost of a market order whose decision reaches the market late ({@link LatencyPenalty}): the
     * 90th percentile of the slippage in place of the usual figure. Costs without a distribution (a
     * fixed cost, none) know no worse figure: the usual cost.
     */
    default TakerCost late(InstrumentId instrument, Instant time) {
        return at(instrument, time);
    }

    /** The same cost for every instrument at every moment. */
    static TakerCosts fixed(TakerCost cost) {
        Objects.requireNonNull(cost, "cost");
        return (instrument, time) -> cost;
    }
}
