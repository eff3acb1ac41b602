package dev.trader.risk.rules;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.risk.RiskDecision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a pre-trade evaluation, with the rule and every input that decided it (in
 * the order they were considered). {@link #toRiskDecision()} gives the foundation's
 * {@link RiskDecision} for code that only needs the quantity.
 */
public sealed interface PreTradeDecision {
    Map<String, String> inputs();

    RiskDecision toRiskDecision();

    /**
     * Approved: the quantity (on the lot grid), the protective stop and the final take-profit
     * target (both on the tick grid; null for exits), and every target by R multiple ascending.
     */
    record Approved(Quantity quantity, Price stop, Price target, List<Price> targets, Map<String, String> inputs) implements PreTradeDecision {
        public Approved {
            Objects.requireNonNull(quantity, "quantity");
            targets = List.copyOf(targets);
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        @Override
        public RiskDecision toRiskDecision() {
            return new RiskDecision.Approved(quantity, inputs);
        }
    }

    /** Rejected by {@code rule} (stable snake_case name, e.g. {@code prop_daily_floor_at_stop}), with a reason a person can read. */
    record Rejected(String rule, String reason, Map<String, String> inputs) implements PreTradeDecision {
        public Rejected {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        @Override
        public RiskDecision toRiskDecision() {
            return new RiskDecision.Rejected(rule, reason, inputs);
        }
    }
}
