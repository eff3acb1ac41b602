package dev.trader.risk.rules;

import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import java.util.List;
import java.util.Objects;

/**
 * A decision and the events it produces (a day roll the decision time implies, a lock or halt
 * it engaged, the blocked attempt, the signal and order counted, the reservation): the engine
 * persists the events and applies them, in order.
 */
public record Evaluation(PreTradeDecision decision, List<RiskEvent> events) {
    public Evaluation {
        Objects.requireNonNull(decision, "decision");
        events = List.copyOf(events);
    }

    public boolean approved() {
        return decision instanceof PreTradeDecision.Approved;
    }

    /** The state after the events. */
    public AccountRisk applyTo(AccountRisk state) {
        return state.applyAll(events);
    }
}
