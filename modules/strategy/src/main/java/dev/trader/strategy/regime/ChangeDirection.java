package dev.trader.strategy.regime;

/** Which way the mean of the returns moved at a change point. */
public enum ChangeDirection {
    UP,
    DOWN
}
