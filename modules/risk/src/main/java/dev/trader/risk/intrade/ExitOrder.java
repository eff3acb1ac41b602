package dev.trader.risk.intrade;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderType;
import java.util.Objects;

/**
 * An exit order a managed trade wants resting at the venue for its next bar. {@code key} names
 * it within the trade and changes whenever the order would (a moved stop is a new order), so a
 * caller can derive a stable client order id from (trade, key) and recognise an order it has
 * already placed.
 *
 * @param kind     what it is for
 * @param rung     the ladder index of a {@link ExitKind#RUNG}, −1 otherwise
 * @param type     {@link OrderType#STOP_MARKET} for the stop, {@link OrderType#LIMIT} for rungs and
 *                 the target, {@link OrderType#MARKET} for a time or signal exit
 * @param price    the stop's trigger or the limit price; null for a market order
 * @param quantity what it sells (for a long); every exit order is reduce-only, so the venue never
 *                 lets the orders of one trade sell more than is open
 */
public record ExitOrder(String key, ExitKind kind, int rung, OrderType type, Price price, Quantity quantity) {
    public ExitOrder {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        if ((type == OrderType.MARKET) != (price == null)) {
            throw new IllegalArgumentException("exit order " + key + ": a market order has no price, every other type has one");
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException("exit order " + key + " has zero quantity");
        }
    }
}
