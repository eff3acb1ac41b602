package dev.trader.strategy.structure;

/**
 * A swing compared with the previous confirmed swing of the same kind. A level holds unless it
 * is strictly exceeded, so a swing high equal to the previous one is {@link #LH} (it did not
 * make a higher high) and a swing low equal to the previous one is {@link #HL}.
 */
public enum SwingLabel {
    /** Higher high: a swing high strictly above the previous swing high. */
    HH,
    /** Lower high: a swing high at or below the previous swing high. */
    LH,
    /** Higher low: a swing low at or above the previous swing low. */
    HL,
    /** Lower low: a swing low strictly below the previous swing low. */
    LL,
    /** The first swing of its kind: there is nothing to compare it with. */
    NONE
}
