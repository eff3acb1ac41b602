package dev.trader.execution.binance;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.util.Objects;

/**
 * A {@code POST /api/v3/order} as it is sent, already rounded to the filters. {@code price} is set
 * for LIMIT (sent GTC), {@code stopPrice} for STOP_LOSS; {@code clientOrderId} goes out as
 * {@code newClientOrderId}, so a retry is recognised as the same order.
 */
public record NewOrder(String symbol, OrderSide side, BinanceOrderType type, Quantity quantity, Price price, Price stopPrice,
                       String clientOrderId) {
    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (type == BinanceOrderType.LIMIT && price == null) {
            throw new IllegalArgumentException("a LIMIT order needs a price");
        }
        if (type == BinanceOrderType.STOP_LOSS && stopPrice == null) {
            throw new IllegalArgumentException("a STOP_LOSS order needs a stopPrice");
        }
    }
}
