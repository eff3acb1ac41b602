package dev.trader.execution.sim.rest;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.exchange.NewOrder;
import dev.trader.execution.sim.exchange.SimOrderType;
import dev.trader.execution.sim.exchange.TimeInForce;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The parameters of POST /api/v3/order, checked as Binance checks them: mandatory ones (-1102),
 * the symbol (-1121), side (-1117), type (-1116), timeInForce (-1115), the additional mandatory
 * parameters of each type and those it must not have (-1106), number formats (-1100, -1111),
 * newClientOrderId's alphabet. What passes is a well-formed {@link NewOrder}.
 */
final class NewOrderParser {
    private static final String CLIENT_ID_RANGE = "^[a-zA-Z0-9-_]{1,36}$";
    private static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_RANGE);

    enum ResponseType { ACK, RESULT, FULL }

    record Parsed(NewOrder order, ResponseType responseType) {
    }

    private NewOrderParser() {
    }

    static Parsed parse(RequestParams p, SimConfig config) {
        String symbol = p.required("symbol");
        String sideText = p.required("side");
        String typeText = p.required("type");
        if (config.symbol(symbol).isEmpty()) {
            throw BinanceError.invalidSymbol().exception();
        }
        OrderSide side = switch (sideText) {
            case "BUY" -> OrderSide.BUY;
            case "SELL" -> OrderSide.SELL;
            default -> throw BinanceError.invalidSide().exception();
        };
        SimOrderType type = switch (typeText) {
            case "LIMIT" -> SimOrderType.LIMIT;
            case "MARKET" -> SimOrderType.MARKET;
            case "STOP_LOSS" -> SimOrderType.STOP_LOSS;
            case "STOP_LOSS_LIMIT" -> SimOrderType.STOP_LOSS_LIMIT;
            case "TAKE_PROFIT" -> throw new BinanceError(400, -2010, "Take profit orders are not supported for this symbol.").exception();
            case "TAKE_PROFIT_LIMIT" -> throw new BinanceError(400, -2010, "Take profit limit orders are not supported for this symbol.").exception();
            default -> throw BinanceError.invalidOrderType().exception();
        };
        if (p.has("icebergQty")) {
            throw new BinanceError(400, -2010, "Iceberg orders are not supported for this symbol.").exception();
        }
        if (p.has("trailingDelta")) {
            throw new BinanceError(400, -2010, "Trailing stop orders are not supported for this symbol.").exception();
        }
        TimeInForce tif = p.enumValue("timeInForce", TimeInForce.class, BinanceError.invalidTimeInForce()).orElse(null);
        BigDecimal quantity = p.decimal("quantity").orElse(null);
        BigDecimal quoteQty = p.decimal("quoteOrderQty").orElse(null);
        BigDecimal price = p.decimal("price").orElse(null);
        BigDecimal stopPrice = p.decimal("stopPrice").orElse(null);
        switch (type) {
            case MARKET -> {
                notSent(p, "price", "timeInForce", "stopPrice");
                if (quantity == null && quoteQty == null) {
                    throw BinanceError.eitherMandatory("quantity", "quoteOrderQty").exception();
                }
                if (quantity != null && quoteQty != null) {
                    throw BinanceError.notRequired("quoteOrderQty").exception();
                }
            }
            case LIMIT -> {
                mandatory(p, "timeInForce", "quantity", "price");
                notSent(p, "stopPrice", "quoteOrderQty");
            }
            case STOP_LOSS -> {
                mandatory(p, "quantity", "stopPrice");
                notSent(p, "price", "timeInForce", "quoteOrderQty");
            }
            case STOP_LOSS_LIMIT -> {
                mandatory(p, "timeInForce", "quantity", "price", "stopPrice");
                notSent(p, "quoteOrderQty");
            }
        }
        String clientOrderId = p.string("newClientOrderId").orElse(null);
        checkClientOrderId("newClientOrderId", clientOrderId);
        ResponseType defaultType = type == SimOrderType.MARKET || type == SimOrderType.LIMIT ? ResponseType.FULL : ResponseType.ACK;
        ResponseType responseType = p.enumValue("newOrderRespType", ResponseType.class,
                BinanceError.invalidParameter("newOrderRespType")).orElse(defaultType);
        return new Parsed(new NewOrder(symbol, side, type, tif, quantity, quoteQty, price, stopPrice, clientOrderId), responseType);
    }

    /** Refuses (-1100, naming {@code param}) a client order id outside Binance's alphabet and length; null is not sent, so fine. */
    static void checkClientOrderId(String param, String id) {
        if (id != null && !CLIENT_ID.matcher(id).matches()) {
            throw BinanceError.illegalChars(param, CLIENT_ID_RANGE).exception();
        }
    }

    private static void mandatory(RequestParams p, String... names) {
        for (String n : names) {
            p.required(n);
        }
    }

    private static void notSent(RequestParams p, String... names) {
        for (String n : names) {
            if (p.has(n)) {
                throw BinanceError.notRequired(n).exception();
            }
        }
    }
}
