package dev.trader.strategy.structure;

/** A market-structure trend or bias: up, down, or neither (mixed labels, or not known yet). */
public enum Trend {
    UP,
    DOWN,
    NEUTRAL
}
