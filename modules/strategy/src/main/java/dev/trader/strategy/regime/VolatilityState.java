package dev.trader.strategy.regime;

/** Where the current volatility stands within its own recent history. */
public enum VolatilityState {
    LOW,
    MEDIUM,
    HIGH
}
