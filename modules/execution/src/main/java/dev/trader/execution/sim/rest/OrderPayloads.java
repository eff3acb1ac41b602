package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.TradeView;
import java.math.BigDecimal;

/** The order and trade objects of Binance's REST answers, field for field (rest-api.md). */
final class OrderPayloads {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OrderPayloads() {
    }

    /** newOrderRespType=ACK. */
    static ObjectNode ack(OrderView o, long transactTime) {
        ObjectNode n = F.objectNode();
        n.put("symbol", o.symbol());
        n.put("orderId", o.orderId());
        n.put("orderListId", -1);
        n.put("clientOrderId", o.clientOrderId());
        n.put("transactTime", transactTime);
        return n;
    }

    /** newOrderRespType=RESULT; {@code stopPrice} only for stop orders, as Binance's conditional fields say. */
    static ObjectNode result(OrderView o, long transactTime) {
        ObjectNode n = ack(o, transactTime);
        putState(n, o);
        n.put("workingTime", o.workingTime());
        n.put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** newOrderRespType=FULL: RESULT plus the fills made while placing, always none here (orders trade at the next bar). */
    static ObjectNode full(OrderView o, long transactTime) {
        ObjectNode n = result(o, transactTime);
        n.putArray("fills");
        return n;
    }

    /** The order's terms and state, as RESULT and the cancel answer both list them (stopPrice only for a stop order). */
    private static void putState(ObjectNode n, OrderView o) {
        n.put("price", Decimals.wire(o.price()));
        n.put("origQty", Decimals.wire(o.origQty()));
        n.put("executedQty", Decimals.wire(o.executedQty()));
        n.put("origQuoteOrderQty", Decimals.wire(o.quoteOrderQty()));
        n.put("cummulativeQuoteQty", Decimals.wire(o.cummulativeQuoteQty()));
        n.put("status", o.status().name());
        n.put("timeInForce", o.timeInForce().name());
        n.put("type", o.type().name());
        n.put("side", o.side().name());
        if (o.type().isStop()) {
            n.put("stopPrice", Decimals.wire(o.stopPrice()));
        }
    }

    /** GET /api/v3/order, openOrders, allOrders. */
    static ObjectNode query(OrderView o) {
        ObjectNode n = F.objectNode();
        n.put("symbol", o.symbol());
        n.put("orderId", o.orderId());
        n.put("orderListId", -1);
        n.put("clientOrderId", o.clientOrderId());
        n.put("price", Decimals.wire(o.price()));
        n.put("origQty", Decimals.wire(o.origQty()));
        n.put("executedQty", Decimals.wire(o.executedQty()));
        n.put("cummulativeQuoteQty", Decimals.wire(o.cummulativeQuoteQty()));
        n.put("status", o.status().name());
        n.put("timeInForce", o.timeInForce().name());
        n.put("type", o.type().name());
        n.put("side", o.side().name());
        n.put("stopPrice", Decimals.wire(o.stopPrice()));
        n.put("icebergQty", Decimals.wire(BigDecimal.ZERO));
        n.put("time", o.time());
        n.put("updateTime", o.updateTime());
        n.put("isWorking", o.isWorking());
        n.put("workingTime", o.workingTime());
        n.put("origQuoteOrderQty", Decimals.wire(o.quoteOrderQty()));
        n.put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** DELETE /api/v3/order: {@code clientOrderId} is the cancel's own id, {@code origClientOrderId} the order's. */
    static ObjectNode cancel(OrderView o, String cancelClientOrderId, long transactTime) {
        ObjectNode n = F.objectNode();
        n.put("symbol", o.symbol());
        n.put("origClientOrderId", o.clientOrderId());
        n.put("orderId", o.orderId());
        n.put("orderListId", -1);
        n.put("clientOrderId", cancelClientOrderId);
        n.put("transactTime", transactTime);
        putState(n, o);
        n.put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** GET /api/v3/myTrades. */
    static ObjectNode trade(TradeView t) {
        ObjectNode n = F.objectNode();
        n.put("symbol", t.symbol());
        n.put("id", t.id());
        n.put("orderId", t.orderId());
        n.put("orderListId", -1);
        n.put("price", Decimals.wire(t.price()));
        n.put("qty", Decimals.wire(t.qty()));
        n.put("quoteQty", Decimals.wire(t.quoteQty()));
        n.put("commission", Decimals.wire(t.commission()));
        n.put("commissionAsset", t.commissionAsset());
        n.put("time", t.time());
        n.put("isBuyer", t.isBuyer());
        n.put("isMaker", t.isMaker());
        n.put("isBestMatch", true);
        return n;
    }
}
