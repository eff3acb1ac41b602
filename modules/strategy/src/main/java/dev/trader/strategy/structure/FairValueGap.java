package dev.trader.strategy.structure;

/**
 * A three-bar fair value gap, see {@link FairValueGapDetector}.
 *
 * @param direction      bullish (gap below price, left by a move up) or bearish
 * @param basis          wick- or body-bounded
 * @param lower          the gap's lower edge
 * @param upper          the gap's upper edge ({@code upper > lower})
 * @param barIndex       the middle (second) bar of the three
 * @param timeMs         open time of the middle bar
 * @param confirmedIndex the third bar, whose close revealed the gap: {@code barIndex + 1}
 */
public record FairValueGap(Direction direction, GapBasis basis, double lower, double upper, long barIndex, long timeMs,
                           long confirmedIndex) implements GapEvent {

    public double size() {
        return upper - lower;
    }

    @Override
    public long reportedIndex() {
        return confirmedIndex;
    }
}
