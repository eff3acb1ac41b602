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

    /** The same cost for every instrument at every moment. */
    static TakerCosts fixed(TakerCost cost) {
        Objects.requireNonNull(cost, "cost");
        return (instrument, time) -> cost;
    }
}
