package dev.trader.engine.account;

import dev.trader.engine.CborSerializable;
import java.util.List;

/**
 * The account's answer to a bar close: while a flatten is under way, the reduce-only exits to
 * place (each as its journaled decision; placing one that exists is harmless) and the open entry
 * orders to cancel. Both are derived from the account's state, so a replayed bar drives a flatten
 * that a crash interrupted to its end. {@code positionId} is the instrument's current (or last)
 * position, whose exits the in-trade manager keeps (null if it never had one);
 * {@code ordersBlocked} says the kill switch stops its owner's orders.
 */
public record Observation(List<IntentDecision> place, List<String> cancel, String positionId, boolean ordersBlocked) implements CborSerializable {
    public static final Observation NONE = new Observation(List.of(), List.of(), null, false);

    public Observation {
        place = List.copyOf(place);
        cancel = List.copyOf(cancel);
    }

    public Observation(List<IntentDecision> place, List<String> cancel) {
        this(place, cancel, null, false);
    }

    Observation of(String position, boolean blocked) {
        return new Observation(place, cancel, position, blocked);
    }
}
