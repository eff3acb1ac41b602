package dev.trader.execution.binance;

import dev.trader.domain.order.OrderStatus;

/** Binance's order statuses (field {@code status}, and {@code X} of executionReport); any other value is refused. */
public enum BinanceOrderStatus {
    NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED, EXPIRED, EXPIRED_IN_MATCH;

    /** Ours: PENDING_CANCEL is still open (the cancel may not win), EXPIRED_IN_MATCH (self-trade prevention) is EXPIRED. */
    public OrderStatus toOrderStatus() {
        return switch (this) {
            case NEW, PENDING_NEW, PENDING_CANCEL -> OrderStatus.ACCEPTED;
            case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case FILLED -> OrderStatus.FILLED;
            case CANCELED -> OrderStatus.CANCELLED;
            case REJECTED -> OrderStatus.REJECTED;
            case EXPIRED, EXPIRED_IN_MATCH -> OrderStatus.EXPIRED;
        };
    }
}
