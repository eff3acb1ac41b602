package dev.trader.strategy.structure;

/**
 * A support/resistance level: a cluster of confirmed swing prices, see
 * {@link SupportResistanceLevels} (which documents the score).
 *
 * @param price           the mean of the clustered swing prices
 * @param lowest          the lowest clustered swing price
 * @param highest         the highest clustered swing price
 * @param touches         how many swings were clustered into it (at least 1)
 * @param highTouches     how many of them were swing highs (rejections from above: resistance)
 * @param lowTouches      how many were swing lows (support)
 * @param firstTouchIndex pivot bar of the first clustered swing
 * @param lastTouchIndex  pivot bar of the latest clustered swing
 * @param rejection       mean rejection strength of the touches, in [0, 1]
 * @param score           the confidence score at the bar it was read, in [0, 1]
 */
public record PriceLevel(double price, double lowest, double highest, int touches, int highTouches, int lowTouches,
                         long firstTouchIndex, long lastTouchIndex, double rejection, double score) {
}
