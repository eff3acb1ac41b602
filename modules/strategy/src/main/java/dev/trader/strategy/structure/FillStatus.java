package dev.trader.strategy.structure;

/** How much of a fair value gap later bars have traded into. */
public enum FillStatus {
    /** No later bar has traded strictly inside the gap yet. */
    UNFILLED,
    /** A later bar traded strictly inside the gap but not through its far edge. */
    PARTIAL,
    /** A later bar reached the far edge of the gap (or beyond). */
    FILLED
}
