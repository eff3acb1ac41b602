package dev.trader.ml.signal;

import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.label.Direction;

/** What the model calls at one bar: a direction (UP, DOWN, or FLAT for no call) and how sure, as a tier. */
public record Call(Direction direction, ConfidenceTier tier) {
    public static final Call NONE = new Call(Direction.FLAT, ConfidenceTier.NONE);

    /**
     * Whether {@code this} is only a retreat from {@code other}: no call, or the same direction in
     * the same or a lower tier. Anything else (a higher tier, the other direction) claims more.
     */
    boolean weakerOrEqual(Call other) {
        return tier == ConfidenceTier.NONE || (direction == other.direction && tier.compareTo(other.tier) <= 0);
    }
}
