package dev.trader.risk;

import dev.trader.domain.money.Quantity;
import java.util.Map;

/** The outcome of a pre-trade check, with the rule and the inputs that decided it. */
public sealed interface RiskDecision {
    Map<String, String> inputs();

    record Approved(Quantity quantity, Map<String, String> inputs) implements RiskDecision {
        public Approved {
            inputs = Map.copyOf(inputs);
        }
    }

    record Rejected(String rule, String reason, Map<String, String> inputs) implements RiskDecision {
        public Rejected {
            inputs = Map.copyOf(inputs);
        }
    }
}
