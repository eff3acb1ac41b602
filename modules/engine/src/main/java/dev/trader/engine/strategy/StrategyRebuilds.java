package dev.trader.engine.strategy;

import dev.trader.domain.market.Bar;
import dev.trader.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What a strategy entity needs to run with an operator's parameters: the strategy rebuilt from them, and bars to warm it on. */
public interface StrategyRebuilds {

    /** A strategy whose parameters are fixed: every change is refused. */
    StrategyRebuilds NONE = new StrategyRebuilds() {
        @Override
        public Strategy strategy(Map<String, Object> parameters) {
            throw new IllegalStateException("this strategy's parameters cannot be changed");
        }

        @Override
        public CompletionStage<List<Bar>> warmUp(String persistenceId, long throughSequenceNr) {
            return CompletableFuture.failedFuture(new IllegalStateException("this strategy's parameters cannot be changed"));
        }
    };

    /** The strategy built from {@code parameters}; the same call gives the same (immutable) strategy. */
    Strategy strategy(Map<String, Object> parameters);

    /** The last bars the entity {@code persistenceId} observed, up to its event {@code throughSequenceNr}, oldest first. */
    CompletionStage<List<Bar>> warmUp(String persistenceId, long throughSequenceNr);
}
