package dev.trader.engine.strategy;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;

/** A strategy running on one instrument: entity id {@code strategy:venue:SYMBOL}. */
public record StrategyEntityId(StrategyId strategy, InstrumentId instrument) {
    public static StrategyEntityId parse(String entityId) {
        int colon = entityId.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("strategy entity id must look like strategy:venue:SYMBOL but was '" + entityId + "'");
        }
        return new StrategyEntityId(new StrategyId(entityId.substring(0, colon)), InstrumentId.parse(entityId.substring(colon + 1)));
    }

    public String value() {
        return strategy.value() + ":" + instrument.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
