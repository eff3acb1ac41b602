package dev.trader.strategy.structure;

/** What {@link FairValueGapDetector#update} reports: a new gap or progress in filling one. */
public sealed interface GapEvent permits FairValueGap, GapFill {

    /** The bar that reported the event. */
    long reportedIndex();
}
