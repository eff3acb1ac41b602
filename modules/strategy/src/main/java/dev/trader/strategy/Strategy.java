package dev.trader.strategy;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;

/**
 * A trading idea as a pure function of closed bars: {@code (state, bar) -> (state', signal?)}.
 * The same instance serves backtest, paper and live; it holds only its parameters, so any
 * number of instruments can share it and a replay from the same state decides the same.
 */
public interface Strategy {
    StrategyId id();

    StrategyState initialState(InstrumentId instrument);

    StrategyStep onBar(StrategyState state, Bar bar);
}
