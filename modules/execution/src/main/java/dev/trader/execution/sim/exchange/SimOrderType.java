package dev.trader.execution.sim.exchange;

/** The Binance order types the simulator trades; the others are refused with -1116. */
public enum SimOrderType {
    LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT;

    public boolean isStop() {
        return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
    }

    /** Has a limit price (the others trade at whatever the market gives). */
    public boolean hasPrice() {
        return this == LIMIT || this == STOP_LOSS_LIMIT;
    }
}
