package dev.trader.strategy.structure;

/**
 * A later bar traded deeper into a fair value gap than any bar before it.
 *
 * @param gap            the gap
 * @param status         {@link FillStatus#PARTIAL} or {@link FillStatus#FILLED}
 * @param filledFraction the share of the gap traded through so far, in (0, 1]; 1 when filled
 * @param barIndex       the bar that traded into the gap (the event is reported by its update)
 * @param timeMs         its open time
 */
public record GapFill(FairValueGap gap, FillStatus status, double filledFraction, long barIndex, long timeMs)
        implements GapEvent {

    @Override
    public long reportedIndex() {
        return barIndex;
    }
}
