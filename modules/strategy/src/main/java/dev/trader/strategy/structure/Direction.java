package dev.trader.strategy.structure;

/** The side an event points to: {@link #BULLISH} (up) or {@link #BEARISH} (down). */
public enum Direction {
    BULLISH,
    BEARISH
}
