package dev.trader.strategy.structure;

/**
 * A candlestick pattern completed by a bar, see {@link CandlePatternDetector}.
 *
 * @param type     the pattern
 * @param barIndex the bar that completes it (the latest bar of the pattern; reported by its update)
 * @param timeMs   its open time
 */
public record CandlePattern(PatternType type, long barIndex, long timeMs) {
}
