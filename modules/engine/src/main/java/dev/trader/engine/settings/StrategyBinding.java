package dev.trader.engine.settings;

import dev.trader.domain.id.InstrumentId;
import dev.trader.strategy.Strategy;
import java.util.List;

/** A configured strategy and the instruments it runs on. */
public record StrategyBinding(Strategy strategy, List<InstrumentId> instruments) {
    public StrategyBinding {
        instruments = List.copyOf(instruments);
    }
}
