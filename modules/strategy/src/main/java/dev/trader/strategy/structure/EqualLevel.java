package dev.trader.strategy.structure;

/**
 * Equal highs or equal lows: two consecutive confirmed swings of the same kind whose prices
 * differ by at most {@code tolerance}, see {@link EqualLevelDetector}.
 *
 * @param kind           equal highs ({@link SwingKind#HIGH}) or equal lows
 * @param firstPrice     the earlier swing's price
 * @param firstBarIndex  the earlier swing's pivot bar
 * @param secondPrice    the later swing's price
 * @param secondBarIndex the later swing's pivot bar
 * @param timeMs         open time of the later swing's pivot bar
 * @param tolerance      the tolerance in price units that was applied
 * @param confirmedIndex the bar that confirmed the later swing (and reported this event)
 */
public record EqualLevel(SwingKind kind, double firstPrice, long firstBarIndex, double secondPrice,
                         long secondBarIndex, long timeMs, double tolerance, long confirmedIndex) {
}
