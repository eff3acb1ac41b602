package dev.trader.strategy.combine;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.Suppressions;

/**
 * The held-back entries of the strategies inside a composite or a router, added up, so that
 * the engine counts and logs a veto from a gated strategy wherever it sits.
 */
public record CombinedSuppressions(long suppressedEntries, String lastSuppression) implements Suppressions {

    /** Null when none of {@code states} keeps suppressions. */
    public static Suppressions of(StrategyState[] states) {
        long total = 0;
        String last = "";
        boolean any = false;
        for (StrategyState s : states) {
            Suppressions inner = s.suppressions();
            if (inner != null) {
                any = true;
                total += inner.suppressedEntries();
                if (!inner.lastSuppression().isEmpty()) {
                    last = inner.lastSuppression();
                }
            }
        }
        return any ? new CombinedSuppressions(total, last) : null;
    }
}
