package dev.trader.engine.operator;

import dev.trader.engine.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/** How many actions were journaled and the latest of them, newest last (the audit trail keeps them all). */
public record OperatorLogState(long count, List<OperatorAction> latest) implements CborSerializable {
    static final int KEPT = 200;

    public OperatorLogState {
        latest = List.copyOf(latest);
    }

    static OperatorLogState empty() {
        return new OperatorLogState(0, List.of());
    }

    OperatorLogState with(OperatorAction a) {
        List<OperatorAction> next = new ArrayList<>(latest);
        next.add(a);
        if (next.size() > KEPT) {
            next.remove(0);
        }
        return new OperatorLogState(count + 1, next);
    }
}
