package dev.trader.strategy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The complete, immutable memory of one strategy on one instrument. It is persisted in
 * snapshots, so it must be a record of plain values; the class name travels with it so that
 * any strategy's state can be restored without registering it anywhere.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@state")
public interface StrategyState {
    /** The entry-suppression counters of this state, or of the state it wraps; null when it keeps none. */
    default Suppressions suppressions() {
        return this instanceof Suppressions s ? s : null;
    }
}
