package dev.trader.domain.order;

/**
 * The lifecycle of an order. UNKNOWN means we cannot confirm what the venue did (a timeout, a
 * 5xx, Binance's -1007): it is never treated as failed until a query resolves it.
 */
public enum OrderStatus {
    NEW, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED, UNKNOWN;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** Open orders may still trade and count against exposure. */
    public boolean isOpen() {
        return !isTerminal();
    }
}
