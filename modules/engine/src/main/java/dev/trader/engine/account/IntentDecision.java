package dev.trader.engine.account;

import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderRequest;
import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.Map;

/**
 * What the account decided for one signal. {@code clientOrderId} is the id the signal's order
 * has or would have had (derived from strategy, instrument and signal time); it keys every
 * decision, a NO_ACTION included. {@code request} and {@code positionId} are set when
 * approved; {@code rule} and {@code reason} say why not otherwise. Kept per client order id
 * so that the same signal, seen again after a crash, gets the same answer.
 */
public record IntentDecision(Outcome outcome, String clientOrderId, String instrument, Instant decisionTime,
                             OrderRequest request, String positionId, String rule, String reason, Map<String, String> inputs)
        implements CborSerializable {
    public enum Outcome { APPROVED, REJECTED, NO_ACTION }

    public IntentDecision {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    static IntentDecision noAction(String signalKey, String instrument, Instant time, String reason) {
        return new IntentDecision(Outcome.NO_ACTION, signalKey, instrument, time, null, null, "no_action", reason, Map.of());
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }

    /** The protective stop the risk rules approved an entry with (input {@code stop}); null for exits and when there is none. */
    public Price protectiveStop() {
        String stop = inputs.get("stop");
        if (!approved() || request == null || request.reduceOnly() || stop == null) {
            return null;
        }
        try {
            return Price.of(stop);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
