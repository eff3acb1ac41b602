package dev.trader.strategy.indicator;

/**
 * An incremental indicator: each update costs O(1) and the state is updated in place.
 * {@link #warmUp()} is the number of inputs it needs before {@link #isReady()}; before that
 * its values are NaN, like TA-Lib's leading empty cells.
 */
public interface Indicator {
    int warmUp();

    boolean isReady();
}
