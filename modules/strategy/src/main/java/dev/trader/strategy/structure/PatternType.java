package dev.trader.strategy.structure;

import java.util.Optional;

/** The candlestick patterns of {@link CandlePatternDetector}; its Javadoc has the thresholds. */
public enum PatternType {
    BULLISH_PIN_BAR(Direction.BULLISH),
    BEARISH_PIN_BAR(Direction.BEARISH),
    BULLISH_ENGULFING(Direction.BULLISH),
    BEARISH_ENGULFING(Direction.BEARISH),
    /** Indecision: no direction. */
    DOJI(null);

    private final Direction direction;

    PatternType(Direction direction) {
        this.direction = direction;
    }

    /** The side the pattern points to; empty for a doji. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }
}
