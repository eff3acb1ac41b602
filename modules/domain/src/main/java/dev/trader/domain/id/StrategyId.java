package dev.trader.domain.id;

/** The name of a configured strategy, e.g. {@code ema-cross}. */
public record StrategyId(String value) {
    public StrategyId {
        Identifiers.token(value, "strategy id");
    }

    @Override
    public String toString() {
        return value;
    }
}
