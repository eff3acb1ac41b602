package dev.trader.engine.account;

import dev.trader.engine.CborSerializable;
import java.util.List;

/**
 * The account's answer to a bar close: while a flatten is under way, the reduce-only exits to
 * place (each as its journaled decision; placing one that exists is harmless) and the open entry
 * orders to cancel. Both are derived from the account's state, so a replayed bar drives a flatten
 * that a crash interrupted to its end.
 */
public record Observation(List<IntentDecision> place, List<String> cancel) implements CborSerializable {
    public static final Observation NONE = new Observation(List.of(), List.of());

    public Observation {
        place = List.copyOf(place);
        cancel = List.copyOf(cancel);
    }
}
