package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.config.RateLimitSpec;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.market.Depth;
import dev.trader.execution.sim.market.DepthSource;
import dev.trader.execution.sim.market.MarketClock;
import dev.trader.execution.sim.market.MarketTimeline;
import dev.trader.execution.sim.market.SimBar;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The public endpoints: ping, time (wall clock), exchangeInfo, klines (closed bars only, never the future), depth. */
final class MarketDataEndpoints {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORDER_TYPES = List.of("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT");
    private static final String NO_MAX_NOTIONAL = "9000000000";

    private final SimConfig config;
    private final MarketTimeline timeline;
    private final MarketClock clock;
    private final DepthSource depth;

    MarketDataEndpoints(SimConfig config, MarketTimeline timeline, MarketClock clock, DepthSource depth) {
        this.config = config;
        this.timeline = timeline;
        this.clock = clock;
        this.depth = depth;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("GET", "/api/v3/ping", Security.NONE, 1, c -> ApiResponse.ok(F.objectNode())),
                Endpoint.of("GET", "/api/v3/time", Security.NONE, 1, c -> ApiResponse.ok(F.objectNode().put("serverTime", c.serverTime()))),
                Endpoint.of("GET", "/api/v3/exchangeInfo", Security.NONE, 20, this::exchangeInfo),
                Endpoint.of("GET", "/api/v3/klines", Security.NONE, 2, this::klines),
                new Endpoint("GET", "/api/v3/depth", Security.NONE, MarketDataEndpoints::depthWeight, false, this::depth));
    }

    private ApiResponse exchangeInfo(Endpoint.Call c) {
        List<SymbolSpec> wanted = new ArrayList<>();
        if (c.params().has("symbol") && c.params().has("symbols")) {
            throw BinanceError.badParamCombination().exception();
        }
        if (c.params().has("symbol")) {
            wanted.add(symbol(c.params().required("symbol")));
        } else if (c.params().has("symbols")) {
            List<String> names;
            try {
                names = JSON.readValue(c.params().required("symbols"), new TypeReference<List<String>>() { });
            } catch (IOException e) {
                throw BinanceError.invalidParameter("symbols").exception();
            }
            names.forEach(n -> wanted.add(symbol(n)));
        } else {
            wanted.addAll(config.symbols());
        }
        ObjectNode root = F.objectNode();
        root.put("timezone", "UTC");
        root.put("serverTime", c.serverTime());
        ArrayNode limits = root.putArray("rateLimits");
        RateLimitSpec spec = config.rateLimits();
        limits.add(rateLimit("REQUEST_WEIGHT", RateLimitSpec.interval(spec.requestWeightWindow()), RateLimitSpec.intervalNum(spec.requestWeightWindow()),
                spec.requestWeightPerMinute()));
        limits.add(rateLimit("ORDERS", RateLimitSpec.interval(spec.ordersWindow()), RateLimitSpec.intervalNum(spec.ordersWindow()),
                spec.ordersPer10Seconds()));
        limits.add(rateLimit("ORDERS", "DAY", 1, config.rateLimits().ordersPerDay()));
        root.putArray("exchangeFilters");
        ArrayNode symbols = root.putArray("symbols");
        wanted.forEach(s -> symbols.add(symbolInfo(s)));
        return ApiResponse.ok(root);
    }

    private static ObjectNode rateLimit(String type, String interval, int num, int limit) {
        return F.objectNode().put("rateLimitType", type).put("interval", interval).put("intervalNum", num).put("limit", limit);
    }

    private static ObjectNode symbolInfo(SymbolSpec s) {
        ObjectNode n = F.objectNode();
        n.put("symbol", s.symbol());
        n.put("status", "TRADING");
        n.put("baseAsset", s.baseAsset());
        n.put("baseAssetPrecision", SymbolSpec.PRECISION);
        n.put("quoteAsset", s.quoteAsset());
        n.put("quotePrecision", SymbolSpec.PRECISION);
        n.put("quoteAssetPrecision", SymbolSpec.PRECISION);
        n.put("baseCommissionPrecision", SymbolSpec.PRECISION);
        n.put("quoteCommissionPrecision", SymbolSpec.PRECISION);
        ArrayNode types = n.putArray("orderTypes");
        ORDER_TYPES.forEach(types::add);
        n.put("icebergAllowed", false);
        n.put("ocoAllowed", false);
        n.put("otoAllowed", false);
        n.put("opoAllowed", false);
        n.put("quoteOrderQtyMarketAllowed", true);
        n.put("allowTrailingStop", false);
        n.put("cancelReplaceAllowed", false);
        n.put("amendAllowed", false);
        n.put("pegInstructionsAllowed", false);
        n.put("isSpotTradingAllowed", true);
        n.put("isMarginTradingAllowed", false);
        ArrayNode filters = n.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", Decimals.wire(s.minPrice()))
                .put("maxPrice", Decimals.wire(s.maxPrice())).put("tickSize", Decimals.wire(s.tickSize()));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", Decimals.wire(s.minQty()))
                .put("maxQty", Decimals.wire(s.maxQty())).put("stepSize", Decimals.wire(s.stepSize()));
        // Market orders are valued at the last close: Binance's avgPriceMins = 0 ("the last price is used").
        if (s.notionalFilter() == SymbolSpec.NotionalFilter.NOTIONAL) {
            filters.addObject().put("filterType", "NOTIONAL").put("minNotional", Decimals.wire(s.minNotional()))
                    .put("applyMinToMarket", true)
                    .put("maxNotional", s.maxNotional().signum() > 0 ? Decimals.wire(s.maxNotional()) : Decimals.wire(new BigDecimal(NO_MAX_NOTIONAL)))
                    .put("applyMaxToMarket", false).put("avgPriceMins", 0);
        } else {
            filters.addObject().put("filterType", "MIN_NOTIONAL").put("minNotional", Decimals.wire(s.minNotional()))
                    .put("applyToMarket", true).put("avgPriceMins", 0);
        }
        n.putArray("permissions");
        n.putArray("permissionSets").addArray().add("SPOT");
        n.put("defaultSelfTradePreventionMode", "NONE");
        n.putArray("allowedSelfTradePreventionModes").add("NONE");
        return n;
    }

    private ApiResponse klines(Endpoint.Call c) {
        RequestParams p = c.params();
        SymbolSpec s = symbol(p.required("symbol"));
        String interval = p.required("interval");
        if (!interval.equals("1m")) {
            throw BinanceError.invalidInterval().exception();
        }
        int limit = Limits.limit(p, 500, 1000);
        Long start = p.time("startTime").orElse(null);
        Long end = p.time("endTime").orElse(null);
        List<SimBar> bars = timeline.closedBars(s.symbol(), clock.now()).stream()
                .filter(b -> (start == null || b.openTime() >= start) && (end == null || b.openTime() <= end)).toList();
        bars = Limits.window(bars, limit, start != null);
        ArrayNode out = F.arrayNode();
        for (SimBar b : bars) {
            out.addArray().add(b.openTime()).add(Decimals.wire(b.open())).add(Decimals.wire(b.high())).add(Decimals.wire(b.low()))
                    .add(Decimals.wire(b.close())).add(Decimals.wire(b.volume())).add(b.closeTime()).add(Decimals.wire(b.quoteVolume()))
                    .add(b.trades()).add(Decimals.wire(b.takerBuyBaseVolume())).add(Decimals.wire(b.takerBuyQuoteVolume())).add("0");
        }
        return ApiResponse.ok(out);
    }

    /** Binance: limit 1-100 → 5, 101-500 → 25, 501-1000 → 50, 1001-5000 → 250 (a malformed limit weighs as the default). */
    static int depthWeight(RequestParams p) {
        int limit;
        try {
            limit = Math.min(p.intValue("limit").orElse(100), 5000);
        } catch (RuntimeException e) {
            limit = 100;
        }
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    private ApiResponse depth(Endpoint.Call c) {
        SymbolSpec s = symbol(c.params().required("symbol"));
        int limit = c.params().intValue("limit").orElse(100);
        if (limit < 1) {
            throw BinanceError.invalidParameter("limit").exception();
        }
        Depth d = depth.depth(s.symbol()).orElse(new Depth(0, List.of(), List.of())).limit(Math.min(limit, 5000));
        ObjectNode root = F.objectNode();
        root.put("lastUpdateId", d.lastUpdateId());
        ArrayNode bids = root.putArray("bids");
        d.bids().forEach(l -> bids.addArray().add(Decimals.wire(l.price())).add(Decimals.wire(l.quantity())));
        ArrayNode asks = root.putArray("asks");
        d.asks().forEach(l -> asks.addArray().add(Decimals.wire(l.price())).add(Decimals.wire(l.quantity())));
        return ApiResponse.ok(root);
    }

    private SymbolSpec symbol(String name) {
        return config.symbol(name).orElseThrow(() -> BinanceError.invalidSymbol().exception());
    }
}
