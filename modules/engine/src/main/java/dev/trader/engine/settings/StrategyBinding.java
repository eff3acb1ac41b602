package dev.trader.engine.settings;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Timeframe;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.util.List;
import java.util.Map;

/**
 * A configured strategy and the instruments it runs on, with the {@code type} and
 * {@code parameters} it was built from, so that it can be rebuilt with an operator's.
 */
public record StrategyBinding(Strategy strategy, List<InstrumentId> instruments, String type, Map<String, Object> parameters) {
    public StrategyBinding {
        instruments = List.copyOf(instruments);
        parameters = Map.copyOf(parameters);
    }

    /**
     * The same strategy with other parameters, checked as configuration is: an unknown key or a
     * value out of range is an {@link IllegalArgumentException} naming it ({@code strategies.<id>.<key>}).
     */
    public Strategy withParameters(Map<String, Object> changed) {
        return build(strategy.id(), type, changed);
    }

    /** The engine feeds 1m bars: a strategy that wants other timeframes gets them resampled. */
    static Strategy build(StrategyId id, String type, Map<String, Object> parameters) {
        return MultiTimeframeStrategy.onBase(StrategyCatalog.create(id, type, parameters), Timeframe.M1);
    }
}
