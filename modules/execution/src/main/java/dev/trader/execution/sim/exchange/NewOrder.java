package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order request whose parameters are present and well-formed for its type (the REST layer
 * checked that); whether the exchange accepts it (symbol, filters, balance) is the engine's call.
 * Absent values are null: {@code quantity} or {@code quoteOrderQty} (MARKET only) is set,
 * {@code price} for LIMIT and STOP_LOSS_LIMIT, {@code stopPrice} for the stops,
 * {@code timeInForce} for the limit types, {@code clientOrderId} when the client chose one.
 */
public record NewOrder(String symbol, OrderSide side, SimOrderType type, TimeInForce timeInForce,
                       BigDecimal quantity, BigDecimal quoteOrderQty, BigDecimal price, BigDecimal stopPrice,
                       String clientOrderId) {
    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if ((quantity == null) == (quoteOrderQty == null)) {
            throw new IllegalArgumentException("exactly one of quantity and quoteOrderQty must be set");
        }
        if (quoteOrderQty != null && type != SimOrderType.MARKET) {
            throw new IllegalArgumentException("quoteOrderQty is for MARKET orders only");
        }
        if (type.hasPrice() != (price != null) || type.isStop() != (stopPrice != null) || type.hasPrice() != (timeInForce != null)) {
            throw new IllegalArgumentException(type + " order with price=" + price + ", stopPrice=" + stopPrice + ", timeInForce=" + timeInForce);
        }
    }

    public static NewOrder limit(String symbol, OrderSide side, String qty, String price, TimeInForce tif, String clientOrderId) {
        return new NewOrder(symbol, side, SimOrderType.LIMIT, tif, new BigDecimal(qty), null, new BigDecimal(price), null, clientOrderId);
    }

    public static NewOrder market(String symbol, OrderSide side, String qty, String clientOrderId) {
        return new NewOrder(symbol, side, SimOrderType.MARKET, null, new BigDecimal(qty), null, null, null, clientOrderId);
    }

    public static NewOrder marketQuote(String symbol, OrderSide side, String quoteQty, String clientOrderId) {
        return new NewOrder(symbol, side, SimOrderType.MARKET, null, null, new BigDecimal(quoteQty), null, null, clientOrderId);
    }

    public static NewOrder stopLoss(String symbol, OrderSide side, String qty, String stop, String clientOrderId) {
        return new NewOrder(symbol, side, SimOrderType.STOP_LOSS, null, new BigDecimal(qty), null, null, new BigDecimal(stop), clientOrderId);
    }

    public static NewOrder stopLossLimit(String symbol, OrderSide side, String qty, String stop, String price, TimeInForce tif, String clientOrderId) {
        return new NewOrder(symbol, side, SimOrderType.STOP_LOSS_LIMIT, tif, new BigDecimal(qty), null, new BigDecimal(price), new BigDecimal(stop),
                clientOrderId);
    }
}
