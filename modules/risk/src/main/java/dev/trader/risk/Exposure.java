package dev.trader.risk;

import dev.trader.domain.money.Quantity;
import java.util.Objects;

/**
 * What an account holds and has committed in one instrument: the filled long quantity and the
 * quantity of entry orders sent but not yet filled. Both count against limits, so a signal
 * repeated before its fill cannot double the position.
 */
public record Exposure(Quantity filled, Quantity pendingEntry, Quantity pendingExit) {
    public static final Exposure NONE = new Exposure(Quantity.ZERO, Quantity.ZERO, Quantity.ZERO);

    public Exposure {
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(pendingEntry, "pendingEntry");
        Objects.requireNonNull(pendingExit, "pendingExit");
    }

    public Quantity committed() {
        return filled.plus(pendingEntry);
    }

    public boolean isFlat() {
        return filled.isZero() && pendingEntry.isZero();
    }
}
