package dev.trader.engine.pipeline;

import dev.trader.domain.market.Bar;
import dev.trader.engine.account.IntentDecision;
import java.util.List;

/** What one bar did on its way through the engine. */
public record BarOutcome(Bar bar, boolean accepted, int signals, List<IntentDecision> decisions) {
    public BarOutcome {
        decisions = List.copyOf(decisions);
    }
}
