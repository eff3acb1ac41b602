package dev.trader.domain.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * A sized, approved order as it is sent to a venue. {@code limitPrice} is the limit price of a
 * LIMIT order and the trigger of a STOP_MARKET order; null for market orders. A
 * {@code reduceOnly} order only ever reduces what is held: the venue fills it at most up to the
 * position and expires it when nothing is left (an exit, never a new position).
 */
public record OrderRequest(ClientOrderId clientOrderId, StrategyId strategy, InstrumentId instrument, OrderSide side,
                           OrderType type, Quantity quantity, Price limitPrice, Instant decisionTime, boolean reduceOnly) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(decisionTime, "decisionTime");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("order " + clientOrderId + " has zero quantity");
        }
        if (type != OrderType.MARKET && limitPrice == null) {
            throw new IllegalArgumentException("order " + clientOrderId + " of type " + type + " needs a price");
        }
        if (type == OrderType.MARKET && limitPrice != null) {
            throw new IllegalArgumentException("market order " + clientOrderId + " has no price but was given " + limitPrice);
        }
    }

    /** An order that may open a position (not reduce-only). */
    public OrderRequest(ClientOrderId clientOrderId, StrategyId strategy, InstrumentId instrument, OrderSide side,
                        OrderType type, Quantity quantity, Price limitPrice, Instant decisionTime) {
        this(clientOrderId, strategy, instrument, side, type, quantity, limitPrice, decisionTime, false);
    }
}
