package dev.trader.backtest.research;

import dev.trader.strategy.Strategy;

/**
 * Builds the strategy of one parameter set: the strategy file's parameters with the set's values
 * put over them. Called from several threads at once, so it must not share mutable state; a
 * parameter set the strategy rejects throws (an {@link IllegalArgumentException}, such as a
 * {@code StrategyConfigException}), and the sweep reports it as invalid.
 */
@FunctionalInterface
public interface StrategyFactory {
    Strategy create(ParameterSet parameters);
}
