package dev.trader.risk.propfirm;

/** How the overall (max-loss) floor is set. */
public enum OverallFloorMode {
    /** FTMO 2-step: equity must stay at or above {@code initial × (1 − max-loss)}. */
    STATIC,
    /** FTMO 1-step: the floor trails the highest end-of-day balance: {@code highestEod − initial × max-loss}. */
    TRAILING_EOD
}
