package dev.trader.strategy;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import java.util.Optional;
import java.util.Set;

/**
 * A trading idea as a deterministic function of closed bars. The instance holds only its
 * parameters, so one instance serves any number of instruments and the backtester, paper and
 * live run the same object; everything that changes from bar to bar lives in its
 * {@link StrategyState}, which {@link #onBar} updates in place.
 */
public interface Strategy {
    StrategyId id();

    /** The timeframes whose closed bars this strategy is shown. */
    Set<Timeframe> timeframes();

    StrategyState initialState(InstrumentId instrument);

    /**
     * Shows the strategy one closed bar of one of its {@link #timeframes()}, in close-time order
     * (a higher-timeframe bar only once it has closed). Updates {@code state}; returns the
     * signal this bar raises, if any.
     */
    Optional<Signal> onBar(StrategyState state, Bar bar);
}
