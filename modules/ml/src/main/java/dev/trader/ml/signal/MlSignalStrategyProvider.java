package dev.trader.ml.signal;

import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyProvider;

/** Makes {@code type = "ml-signal"} known to the strategy catalog wherever this module is on the classpath. */
public final class MlSignalStrategyProvider implements StrategyProvider {
    @Override
    public String type() {
        return MlSignalStrategy.TYPE;
    }

    @Override
    public Strategy create(StrategyId id, StrategyParameters parameters) {
        return MlSignalStrategy.fromParameters(id, parameters);
    }
}
