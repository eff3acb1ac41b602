package dev.trader.engine.account;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;

/** An approved order not yet fully filled or closed, with what remains of it. */
public record OpenOrder(String clientOrderId, String instrument, OrderSide side, boolean entry, Quantity remaining, String positionId) {
}
