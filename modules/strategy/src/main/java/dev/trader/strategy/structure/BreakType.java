package dev.trader.strategy.structure;

/**
 * The two kinds of structure break (see {@link MarketStructure}): a break in the direction of
 * the current bias continues it, a break against it changes it.
 */
public enum BreakType {
    /** Break of structure: the break goes the same way as the bias (or there was no bias yet). */
    BOS,
    /** Change of character: the first break against the bias; the bias flips. */
    CHOCH
}
