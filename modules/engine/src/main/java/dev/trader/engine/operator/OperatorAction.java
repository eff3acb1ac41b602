package dev.trader.engine.operator;

import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One write an operator made through the admin API: who (the key's id and role), what (the action
 * and the request as sent), the state it changed before and after (JSON, as the API shows it), and
 * when on the wall clock (an operator's act is not a market event). {@code seq} numbers them.
 */
public record OperatorAction(long seq, String keyId, String role, String action, String request, String before, String after, Instant at)
        implements CborSerializable {
    public OperatorAction {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    OperatorAction numbered(long n) {
        return new OperatorAction(n, keyId, role, action, request, before, after, at);
    }
}
