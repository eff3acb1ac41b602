package dev.trader.execution.sim.exchange;

/** Binance's order status, spelt as Binance spells it (CANCELED). */
public enum SimOrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED;

    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
