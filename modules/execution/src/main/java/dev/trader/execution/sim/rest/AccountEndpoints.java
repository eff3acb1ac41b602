package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.exchange.BalanceView;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.SimLedger;
import dev.trader.execution.sim.exchange.TradeView;
import java.math.BigDecimal;
import java.util.List;

/** USER_DATA endpoints: account, openOrders, allOrders, myTrades — read from the ledger. */
final class AccountEndpoints {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SimConfig config;
    private final SimLedger ledger;

    AccountEndpoints(SimConfig config, SimLedger ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v3/account", Security.SIGNED, 20, this::account),
                new Endpoint("GET", "/api/v3/openOrders", Security.SIGNED, p -> p.has("symbol") ? 6 : 80, false, this::openOrders),
                Endpoint.of("GET", "/api/v3/allOrders", Security.SIGNED, 20, this::allOrders),
                new Endpoint("GET", "/api/v3/myTrades", Security.SIGNED, p -> p.has("orderId") ? 5 : 20, false, this::myTrades));
    }

    private ApiResponse account(Endpoint.Call c) {
        boolean omitZero = c.params().string("omitZeroBalances").map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw BinanceError.invalidParameter("omitZeroBalances").exception();
        }).orElse(false);
        ObjectNode n = F.objectNode();
        n.put("makerCommission", bips(config.makerFeeRate()));
        n.put("takerCommission", bips(config.takerFeeRate()));
        n.put("buyerCommission", 0);
        n.put("sellerCommission", 0);
        n.putObject("commissionRates").put("maker", Decimals.wire(config.makerFeeRate())).put("taker", Decimals.wire(config.takerFeeRate()))
                .put("buyer", Decimals.wire(BigDecimal.ZERO)).put("seller", Decimals.wire(BigDecimal.ZERO));
        n.put("canTrade", true);
        n.put("canWithdraw", false);
        n.put("canDeposit", false);
        n.put("brokered", false);
        n.put("requireSelfTradePrevention", false);
        n.put("preventSor", false);
        n.put("updateTime", ledger.lastUpdate());
        n.put("accountType", "SPOT");
        ArrayNode balances = n.putArray("balances");
        for (BalanceView b : ledger.balances()) {
            if (!omitZero || b.total().signum() != 0) {
                balances.addObject().put("asset", b.asset()).put("free", Decimals.wire(b.free())).put("locked", Decimals.wire(b.locked()));
            }
        }
        n.putArray("permissions").add("SPOT");
        n.put("uid", 1);
        return ApiResponse.ok(n);
    }

    /** Commission rate in basis points, as Binance's integer makerCommission/takerCommission. */
    private static int bips(BigDecimal rate) {
        return rate.movePointRight(4).intValue();
    }

    private ApiResponse openOrders(Endpoint.Call c) {
        String symbol = c.params().string("symbol").map(this::symbol).orElse(null);
        List<OrderView> open = ledger.orders(o -> o.isOpen() && (symbol == null || o.symbol().equals(symbol)));
        ArrayNode out = F.arrayNode();
        open.forEach(o -> out.add(OrderPayloads.query(o)));
        return ApiResponse.ok(out);
    }

    private ApiResponse allOrders(Endpoint.Call c) {
        RequestParams p = c.params();
        String symbol = symbol(p.required("symbol"));
        Long fromOrderId = p.longValue("orderId").orElse(null);
        Long start = p.time("startTime").orElse(null);
        Long end = p.time("endTime").orElse(null);
        Limits.at24Hours(start, end);
        int limit = Limits.limit(p, 500, 1000);
        List<OrderView> all = ledger.orders(o -> o.symbol().equals(symbol)
                && (fromOrderId == null || o.orderId() >= fromOrderId)
                && (start == null || o.time() >= start) && (end == null || o.time() <= end));
        all = Limits.window(all, limit, fromOrderId != null || start != null);
        ArrayNode out = F.arrayNode();
        all.forEach(o -> out.add(OrderPayloads.query(o)));
        return ApiResponse.ok(out);
    }

    private ApiResponse myTrades(Endpoint.Call c) {
        RequestParams p = c.params();
        String symbol = symbol(p.required("symbol"));
        Long orderId = p.longValue("orderId").orElse(null);
        Long fromId = p.longValue("fromId").orElse(null);
        Long start = p.time("startTime").orElse(null);
        Long end = p.time("endTime").orElse(null);
        boolean times = start != null || end != null;
        if ((fromId != null && times) || (orderId != null && times)) {
            throw BinanceError.badParamCombination().exception();
        }
        Limits.at24Hours(start, end);
        int limit = Limits.limit(p, 500, 1000);
        List<TradeView> trades = ledger.trades(t -> t.symbol().equals(symbol)
                && (orderId == null || t.orderId() == orderId)
                && (fromId == null || t.id() >= fromId)
                && (start == null || t.time() >= start) && (end == null || t.time() <= end));
        trades = Limits.window(trades, limit, fromId != null || start != null);
        ArrayNode out = F.arrayNode();
        trades.forEach(t -> out.add(OrderPayloads.trade(t)));
        return ApiResponse.ok(out);
    }

    private String symbol(String name) {
        return config.symbol(name).map(SymbolSpec::symbol).orElseThrow(() -> BinanceError.invalidSymbol().exception());
    }
}
