package dev.trader.strategy.structure;

/** What must cross a swing level for {@link MarketStructure} to call it broken. */
public enum BreakTrigger {
    /** The bar's close strictly beyond the level (a wick alone does not break it). */
    CLOSE,
    /** The bar's high (for a swing high) or low (for a swing low) strictly beyond the level. */
    WICK
}
