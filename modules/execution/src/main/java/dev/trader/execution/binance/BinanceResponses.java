package dev.trader.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readers of Binance's REST answers into immutable values. Each reads the whole answer before
 * returning anything, so a bad field anywhere refuses all of it ({@link MalformedAnswer}) and
 * nothing is half applied.
 */
final class BinanceResponses {
    /** Binance symbols and asset names: upper-case letters and digits. */
    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern LISTEN_KEY = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");
    static final int MAX_ROWS = 1000;

    private BinanceResponses() {
    }

    /** {@code {"code":-2010,"msg":"..."}}; null when the body is not that. */
    static BinanceApiError error(int httpStatus, byte[] body) {
        try {
            JsonNode root = StrictJson.object(StrictJson.parse(body), "error");
            return new BinanceApiError(httpStatus, StrictJson.intValue(root, "code"), StrictJson.clip(StrictJson.text(root, "msg")));
        } catch (MalformedAnswer e) {
            return null;
        }
    }

    static long serverTime(JsonNode root) throws MalformedAnswer {
        return StrictJson.nonNegativeInteger(StrictJson.object(root, "time"), "serverTime");
    }

    static String listenKey(JsonNode root) throws MalformedAnswer {
        String key = StrictJson.text(StrictJson.object(root, "userDataStream"), "listenKey");
        if (!LISTEN_KEY.matcher(key).matches()) {
            throw new MalformedAnswer("listenKey is not 1-128 letters and digits");
        }
        return key;
    }

    static ExchangeInfo exchangeInfo(JsonNode root, Set<String> wanted) throws MalformedAnswer {
        StrictJson.object(root, "exchangeInfo");
        List<RateLimitRule> limits = new ArrayList<>();
        for (JsonNode r : StrictJson.array(StrictJson.field(root, "rateLimits"), "rateLimits", 32)) {
            StrictJson.object(r, "a rate limit");
            int num = StrictJson.intValue(r, "intervalNum");
            int limit = StrictJson.intValue(r, "limit");
            if (num < 1 || num > 1000 || limit < 1) {
                throw new MalformedAnswer("rate limit with intervalNum " + num + " and limit " + limit);
            }
            limits.add(new RateLimitRule(StrictJson.enumValue(r, "rateLimitType", RateLimitRule.Type.class),
                    StrictJson.enumValue(r, "interval", RateLimitRule.Interval.class), num, limit));
        }
        Map<String, SymbolInfo> symbols = new LinkedHashMap<>();
        for (JsonNode s : StrictJson.array(StrictJson.field(root, "symbols"), "symbols", 5000)) {
            StrictJson.object(s, "a symbol");
            String symbol = name(s, "symbol");
            if (!wanted.isEmpty() && !wanted.contains(symbol)) {
                continue;
            }
            Set<String> types = new HashSet<>();
            for (JsonNode t : StrictJson.array(StrictJson.field(s, "orderTypes"), "orderTypes of " + symbol, 32)) {
                if (!t.isTextual()) {
                    throw new MalformedAnswer("orderTypes of " + symbol + " holds a " + StrictJson.kind(t));
                }
                types.add(t.textValue());
            }
            SymbolInfo info = new SymbolInfo(symbol, StrictJson.text(s, "status"), name(s, "baseAsset"), name(s, "quoteAsset"),
                    Collections.unmodifiableSet(types), ExchangeFilters.fromExchangeInfo(symbol, StrictJson.field(s, "filters")));
            if (symbols.put(symbol, info) != null) {
                throw new MalformedAnswer("symbol " + symbol + " is listed twice");
            }
        }
        return new ExchangeInfo(List.copyOf(limits), Collections.unmodifiableMap(symbols));
    }

    /** A new-order answer: ACK has no status, RESULT and FULL do. */
    static OrderAnswer newOrder(JsonNode root, String symbol, String clientOrderId) throws MalformedAnswer {
        StrictJson.object(root, "order");
        OrderAnswer a = new OrderAnswer(name(root, "symbol"), StrictJson.nonNegativeInteger(root, "orderId"), clientId(root, "clientOrderId"),
                root.has("status") ? StrictJson.enumValue(root, "status", BinanceOrderStatus.class) : null);
        expect(a, symbol, clientOrderId);
        return a;
    }

    /** {@code GET /api/v3/order}, or a row of allOrders. */
    static OrderAnswer order(JsonNode root) throws MalformedAnswer {
        StrictJson.object(root, "order");
        return new OrderAnswer(name(root, "symbol"), StrictJson.nonNegativeInteger(root, "orderId"), clientId(root, "clientOrderId"),
                StrictJson.enumValue(root, "status", BinanceOrderStatus.class));
    }

    static OrderAnswer order(JsonNode root, String symbol, String clientOrderId) throws MalformedAnswer {
        OrderAnswer a = order(root);
        expect(a, symbol, clientOrderId);
        return a;
    }

    /** A cancel answer: the cancelled order is {@code origClientOrderId} ({@code clientOrderId} is the cancel's own id). */
    static OrderAnswer cancel(JsonNode root, String symbol, String clientOrderId) throws MalformedAnswer {
        StrictJson.object(root, "cancel");
        OrderAnswer a = new OrderAnswer(name(root, "symbol"), StrictJson.nonNegativeInteger(root, "orderId"), clientId(root, "origClientOrderId"),
                StrictJson.enumValue(root, "status", BinanceOrderStatus.class));
        expect(a, symbol, clientOrderId);
        return a;
    }

    static List<OrderAnswer> orders(JsonNode root, String symbol) throws MalformedAnswer {
        List<OrderAnswer> out = new ArrayList<>();
        for (JsonNode o : StrictJson.array(root, "orders", MAX_ROWS)) {
            OrderAnswer a = order(o);
            if (!a.symbol().equals(symbol)) {
                throw new MalformedAnswer("allOrders for " + symbol + " lists an order of " + a.symbol());
            }
            out.add(a);
        }
        return List.copyOf(out);
    }

    static List<AccountTrade> trades(JsonNode root, String symbol) throws MalformedAnswer {
        List<AccountTrade> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (JsonNode t : StrictJson.array(root, "trades", MAX_ROWS)) {
            StrictJson.object(t, "a trade");
            String s = name(t, "symbol");
            if (!s.equals(symbol)) {
                throw new MalformedAnswer("myTrades for " + symbol + " lists a trade of " + s);
            }
            AccountTrade trade = new AccountTrade(s, StrictJson.nonNegativeInteger(t, "id"), StrictJson.nonNegativeInteger(t, "orderId"),
                    StrictJson.positivePrice(t, "price"), StrictJson.positiveQuantity(t, "qty"), StrictJson.decimal(t, "commission"),
                    name(t, "commissionAsset"), Instant.ofEpochMilli(StrictJson.nonNegativeInteger(t, "time")), StrictJson.bool(t, "isBuyer"),
                    StrictJson.bool(t, "isMaker"));
            if (!ids.add(trade.id())) {
                throw new MalformedAnswer("myTrades lists trade " + trade.id() + " twice");
            }
            out.add(trade);
        }
        return List.copyOf(out);
    }

    static BalanceSnapshot account(JsonNode root) throws MalformedAnswer {
        StrictJson.object(root, "account");
        long updateTime = StrictJson.nonNegativeInteger(root, "updateTime");
        Map<String, AssetBalance> balances = new LinkedHashMap<>();
        for (JsonNode b : StrictJson.array(StrictJson.field(root, "balances"), "balances", 5000)) {
            AssetBalance balance = balance(b, "asset", "free", "locked");
            if (balances.put(balance.asset(), balance) != null) {
                throw new MalformedAnswer("balances list " + balance.asset() + " twice");
            }
        }
        return new BalanceSnapshot(BalanceSnapshot.Source.REST_ACCOUNT, Instant.ofEpochMilli(updateTime), Collections.unmodifiableMap(balances));
    }

    static AssetBalance balance(JsonNode b, String asset, String free, String locked) throws MalformedAnswer {
        StrictJson.object(b, "a balance");
        return new AssetBalance(name(b, asset), StrictJson.quantity(b, free), StrictJson.quantity(b, locked));
    }

    static String name(JsonNode node, String field) throws MalformedAnswer {
        String v = StrictJson.text(node, field);
        if (!NAME.matcher(v).matches()) {
            throw new MalformedAnswer("field '" + field + "' is not a Binance name: '" + StrictJson.clip(v) + "'");
        }
        return v;
    }

    static String clientId(JsonNode node, String field) throws MalformedAnswer {
        String v = StrictJson.text(node, field);
        if (!CLIENT_ORDER_ID.matcher(v).matches()) {
            throw new MalformedAnswer("field '" + field + "' is not a client order id: '" + StrictJson.clip(v) + "'");
        }
        return v;
    }

    /** An answer about another order than the one asked for is not an answer. */
    private static void expect(OrderAnswer a, String symbol, String clientOrderId) throws MalformedAnswer {
        if (!a.symbol().equals(symbol)) {
            throw new MalformedAnswer("asked about " + symbol + " but the answer is for " + a.symbol());
        }
        if (clientOrderId != null && !a.clientOrderId().equals(clientOrderId)) {
            throw new MalformedAnswer("asked about order " + clientOrderId + " but the answer is for " + a.clientOrderId());
        }
    }
}
