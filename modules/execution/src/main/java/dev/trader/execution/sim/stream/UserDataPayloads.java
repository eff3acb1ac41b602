package dev.trader.execution.sim.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.exchange.BalanceView;
import dev.trader.execution.sim.exchange.ExchangeEvent;
import dev.trader.execution.sim.exchange.ExecutionType;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.TradeView;
import java.math.BigDecimal;

/** The user-data-stream events of Binance's user-data-stream.md, field for field, as raw-stream JSON. */
public final class UserDataPayloads {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private UserDataPayloads() {
    }

    /**
     * {@code executionReport}. For a cancel {@code c} is the cancel request's client order id and
     * {@code C} the canceled order's; {@code W} appears only while the order works (a stop that has
     * not triggered has none), as Binance documents.
     */
    public static String executionReport(ExchangeEvent.OrderUpdate u) {
        OrderView o = u.order();
        TradeView t = u.trade();
        boolean cancel = u.execution() == ExecutionType.CANCELED;
        ObjectNode n = F.objectNode();
        n.put("e", "executionReport");
        n.put("E", u.eventTime());
        n.put("s", o.symbol());
        n.put("c", cancel ? u.cancelClientOrderId() : o.clientOrderId());
        n.put("S", o.side().name());
        n.put("o", o.type().name());
        n.put("f", o.timeInForce().name());
        n.put("q", Decimals.wire(o.origQty()));
        n.put("p", Decimals.wire(o.price()));
        n.put("P", Decimals.wire(o.stopPrice()));
        n.put("F", Decimals.wire(BigDecimal.ZERO));
        n.put("g", -1);
        n.put("C", cancel ? o.clientOrderId() : "");
        n.put("x", u.execution().name());
        n.put("X", o.status().name());
        n.put("r", "NONE");
        n.put("i", o.orderId());
        n.put("l", Decimals.wire(t == null ? BigDecimal.ZERO : t.qty()));
        n.put("z", Decimals.wire(o.executedQty()));
        n.put("L", Decimals.wire(t == null ? BigDecimal.ZERO : t.price()));
        if (t == null) {
            n.put("n", "0");
            n.putNull("N");
        } else {
            n.put("n", Decimals.wire(t.commission()));
            n.put("N", t.commissionAsset());
        }
        n.put("T", u.eventTime());
        n.put("t", t == null ? -1 : t.id());
        n.put("I", u.executionId());
        n.put("w", o.isOpen() && o.isWorking());
        n.put("m", t != null && t.isMaker());
        n.put("M", false);
        n.put("O", o.time());
        n.put("Z", Decimals.wire(o.cummulativeQuoteQty()));
        n.put("Y", Decimals.wire(t == null ? BigDecimal.ZERO : t.quoteQty()));
        n.put("Q", Decimals.wire(o.quoteOrderQty()));
        if (o.isWorking()) {
            n.put("W", o.workingTime());
        }
        n.put("V", "NONE");
        return n.toString();
    }

    /** {@code outboundAccountPosition}: the assets a change touched, as they now stand. */
    public static String accountPosition(ExchangeEvent.BalanceUpdate u, long lastAccountUpdate) {
        ObjectNode n = F.objectNode();
        n.put("e", "outboundAccountPosition");
        n.put("E", u.eventTime());
        n.put("u", lastAccountUpdate);
        ArrayNode b = n.putArray("B");
        for (BalanceView v : u.balances()) {
            ObjectNode a = b.addObject();
            a.put("a", v.asset());
            a.put("f", Decimals.wire(v.free()));
            a.put("l", Decimals.wire(v.locked()));
        }
        return n.toString();
    }

    public static String listenKeyExpired(String listenKey, long eventTime) {
        ObjectNode n = F.objectNode();
        n.put("e", "listenKeyExpired");
        n.put("E", eventTime);
        n.put("listenKey", listenKey);
        return n.toString();
    }
}
