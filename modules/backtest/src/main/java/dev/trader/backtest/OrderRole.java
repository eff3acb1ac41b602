package dev.trader.backtest;

/** Why the backtester placed an order; an exit's role becomes the trade's exit reason. */
public enum OrderRole {
    /** Opens a position (a LONG signal). */
    ENTRY,
    /** Closes a position on a FLAT signal. */
    EXIT,
    /** The protective stop attached to an entry ({@code stop_price}). */
    STOP,
    /** The take-profit limit attached to an entry ({@code target_price}). */
    TARGET,
    /** The close-out of a position still open when the data ends. */
    END_OF_DATA
}
