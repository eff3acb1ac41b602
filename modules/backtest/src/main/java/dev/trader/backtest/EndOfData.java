package dev.trader.backtest;

/** What becomes of a position still open when the data ends. */
public enum EndOfData {
    /**
     * The default: the position stays open. It is not a round trip, so it is not in the trade
     * list (nor in the summary's trade statistics); the result lists it among the open positions,
     * and the equity curve marks it at the last close.
     */
    REPORT_OPEN,
    /**
     * The position is sold at its instrument's last close, as a taker (fee, slippage, spread),
     * and becomes a round trip with exit reason {@code end_of_data}.
     */
    CLOSE_AT_LAST_CLOSE
}
