package dev.trader.strategy.structure;

/** The four price/oscillator divergences between two consecutive swings of the same kind. */
public enum DivergenceType {
    /** Between swing lows: price lower low, oscillator higher low. */
    REGULAR_BULLISH(Direction.BULLISH),
    /** Between swing highs: price higher high, oscillator lower high. */
    REGULAR_BEARISH(Direction.BEARISH),
    /** Between swing lows: price higher low, oscillator lower low. */
    HIDDEN_BULLISH(Direction.BULLISH),
    /** Between swing highs: price lower high, oscillator higher high. */
    HIDDEN_BEARISH(Direction.BEARISH);

    private final Direction direction;

    DivergenceType(Direction direction) {
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }
}
