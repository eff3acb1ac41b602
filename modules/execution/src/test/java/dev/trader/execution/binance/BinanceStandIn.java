package dev.trader.execution.binance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small Binance spot REST API on loopback for the adapter's tests, until the real simulator
 * exists: it checks the API key, the HMAC signature and the timestamp as Binance does, keeps an
 * order book of client order ids (duplicates refused while open), serves myTrades/allOrders/account
 * and listen keys, and lets a test script any answer (status, body, headers, delay) per route.
 */
final class BinanceStandIn implements AutoCloseable {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    record Request(String method, String path, Map<String, String> params, Map<String, String> headers, long atNanos) {
        String route() {
            return method + " " + path;
        }
    }

    record Response(int status, byte[] body, Map<String, String> headers, long delayMillis) {
        static Response json(int status, String body) {
            return new Response(status, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        static Response error(int status, int code, String msg) {
            return json(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
        }

        Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, body, h, delayMillis);
        }

        Response delayed(long millis) {
            return new Response(status, body, headers, millis);
        }
    }

    record StandInOrder(String symbol, long orderId, String clientOrderId, String side, String type, String quantity, String status) {
        StandInOrder with(String newStatus) {
            return new StandInOrder(symbol, orderId, clientOrderId, side, type, quantity, newStatus);
        }

        String json() {
            return "{\"symbol\":\"" + symbol + "\",\"orderId\":" + orderId + ",\"orderListId\":-1,\"clientOrderId\":\"" + clientOrderId
                    + "\",\"price\":\"0.00000000\",\"origQty\":\"" + quantity + "\",\"executedQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\""
                    + ",\"status\":\"" + status + "\",\"timeInForce\":\"GTC\",\"type\":\"" + type + "\",\"side\":\"" + side
                    + "\",\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\"}";
        }
    }

    record StandInTrade(String symbol, long id, long orderId, String price, String qty, String commission, String commissionAsset, boolean buyer) {
        String json() {
            return "{\"symbol\":\"" + symbol + "\",\"id\":" + id + ",\"orderId\":" + orderId + ",\"orderListId\":-1,\"price\":\"" + price
                    + "\",\"qty\":\"" + qty + "\",\"quoteQty\":\"0\",\"commission\":\"" + commission + "\",\"commissionAsset\":\""
                    + commissionAsset + "\",\"time\":1499865549590,\"isBuyer\":" + buyer + ",\"isMaker\":false,\"isBestMatch\":true}";
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "binance-stand-in");
        t.setDaemon(true);
        return t;
    });
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Function<Request, Response>>> scripted = new ConcurrentHashMap<>();
    final Map<String, StandInOrder> orders = new ConcurrentHashMap<>();
    final List<StandInTrade> trades = new CopyOnWriteArrayList<>();
    private final AtomicLong nextOrderId = new AtomicLong(4293153);
    private final AtomicLong nextTradeId = new AtomicLong(28457);
    final AtomicInteger listenKeys = new AtomicInteger();
    volatile long clockShiftMillis;
    volatile String rateLimits = "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":200000},"
            + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}]";
    volatile String balances = "[{\"asset\":\"BTC\",\"free\":\"0.50000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"USDT\",\"free\":\"10000.00000000\",\"locked\":\"0.00000000\"}]";

    BinanceStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long now() {
        return System.currentTimeMillis() + clockShiftMillis;
    }

    /** The next request on {@code route} ("POST /api/v3/order") gets this answer instead of the default. */
    void script(String route, Function<Request, Response> responder) {
        scripted.computeIfAbsent(route, k -> new ArrayDeque<>()).add(responder);
    }

    void script(String route, Response response) {
        script(route, r -> response);
    }

    List<Request> requests(String route) {
        return requests.stream().filter(r -> r.route().equals(route)).toList();
    }

    StandInTrade addTrade(String symbol, long orderId, String price, String qty, String commission, String asset, boolean buyer) {
        StandInTrade t = new StandInTrade(symbol, nextTradeId.getAndIncrement(), orderId, price, qty, commission, asset, buyer);
        trades.add(t);
        return t;
    }

    StandInOrder order(String clientOrderId) {
        return orders.get(clientOrderId);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Request req = read(ex);
            requests.add(req);
            Deque<Function<Request, Response>> script = scripted.get(req.route());
            Function<Request, Response> scriptedResponder;
            synchronized (this) {
                scriptedResponder = script == null ? null : script.poll();
            }
            Response resp = scriptedResponder != null ? scriptedResponder.apply(req) : defaults(req);
            if (resp.delayMillis() > 0) {
                try {
                    Thread.sleep(resp.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            ex.sendResponseHeaders(resp.status(), resp.body().length == 0 ? -1 : resp.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(resp.body());
            } catch (IOException clientWentAway) {
                // the client stopped reading (an oversized body): expected
            }
        } finally {
            ex.close();
        }
    }

    private Request read(HttpExchange ex) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        parse(query, params);
        parse(body, params);
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        headers.put("#total-params", (query == null ? "" : query.replaceFirst("&?signature=[0-9a-f]*", ""))
                + body.replaceFirst("&?signature=[0-9a-f]*", ""));
        return new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), params, headers, System.nanoTime());
    }

    private static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }

    /** Binance's checks, then its answers. */
    private Response defaults(Request r) {
        boolean signed = r.path().equals("/api/v3/order") || r.path().equals("/api/v3/allOrders") || r.path().equals("/api/v3/myTrades")
                || r.path().equals("/api/v3/account") || r.path().equals("/api/v3/openOrders");
        boolean keyed = signed || r.path().equals("/api/v3/userDataStream");
        if (keyed && !API_KEY.equals(r.headers().get("x-mbx-apikey"))) {
            return Response.error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        if (signed) {
            String expected = new BinanceSigner(SECRET).sign(r.headers().get("#total-params"));
            if (!expected.equals(r.params().get("signature"))) {
                return Response.error(400, -1022, "Signature for this request is not valid.");
            }
            long ts = Long.parseLong(r.params().get("timestamp"));
            long window = Long.parseLong(r.params().getOrDefault("recvWindow", "5000"));
            if (ts > now() + 1000 || now() - ts > window) {
                return Response.error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
            }
        }
        Response weight = Response.json(200, "{}").withHeader("X-MBX-USED-WEIGHT-1M", "10");
        return switch (r.route()) {
            case "GET /api/v3/ping" -> weight;
            case "GET /api/v3/time" -> Response.json(200, "{\"serverTime\":" + now() + "}");
            case "GET /api/v3/exchangeInfo" -> Response.json(200, exchangeInfo());
            case "POST /api/v3/order" -> newOrder(r);
            case "GET /api/v3/order" -> find(r) == null ? Response.error(400, -2013, "Order does not exist.") : Response.json(200, find(r).json());
            case "DELETE /api/v3/order" -> cancel(r);
            case "GET /api/v3/allOrders" -> Response.json(200, "[" + String.join(",", orders.values().stream()
                    .filter(o -> o.symbol().equals(r.params().get("symbol")) && o.orderId() >= Long.parseLong(r.params().getOrDefault("orderId", "0")))
                    .sorted(Comparator.comparingLong(StandInOrder::orderId)).map(StandInOrder::json).toList()) + "]");
            case "GET /api/v3/myTrades" -> Response.json(200, "[" + String.join(",", trades.stream()
                    .filter(t -> t.symbol().equals(r.params().get("symbol")) && t.id() >= Long.parseLong(r.params().getOrDefault("fromId", "0")))
                    .limit(Long.parseLong(r.params().getOrDefault("limit", "500"))).map(StandInTrade::json).toList()) + "]");
            case "GET /api/v3/account" -> Response.json(200, "{\"makerCommission\":15,\"takerCommission\":15,\"canTrade\":true,"
                    + "\"updateTime\":" + now() + ",\"accountType\":\"SPOT\",\"balances\":" + balances + ",\"permissions\":[\"SPOT\"],\"uid\":354937868}");
            case "POST /api/v3/userDataStream" -> Response.json(200, "{\"listenKey\":\"key" + listenKeys.incrementAndGet() + "\"}");
            case "PUT /api/v3/userDataStream", "DELETE /api/v3/userDataStream" -> Response.json(200, "{}");
            default -> Response.error(404, -1000, "no such route in the stand-in: " + r.route());
        };
    }

    private Response newOrder(Request r) {
        String id = r.params().get("newClientOrderId");
        StandInOrder existing = orders.get(id);
        if (existing != null && (existing.status().equals("NEW") || existing.status().equals("PARTIALLY_FILLED"))) {
            return Response.error(400, -2010, "Duplicate order sent.");
        }
        StandInOrder o = new StandInOrder(r.params().get("symbol"), nextOrderId.getAndIncrement(), id, r.params().get("side"), r.params().get("type"),
                r.params().get("quantity"), "NEW");
        orders.put(id, o);
        return Response.json(200, o.json()).withHeader("X-MBX-USED-WEIGHT-1M", "11").withHeader("X-MBX-ORDER-COUNT-10S", "1")
                .withHeader("X-MBX-ORDER-COUNT-1D", "1");
    }

    private StandInOrder find(Request r) {
        String id = r.params().get("origClientOrderId");
        if (id != null) {
            StandInOrder o = orders.get(id);
            return o != null && o.symbol().equals(r.params().get("symbol")) ? o : null;
        }
        long orderId = Long.parseLong(r.params().get("orderId"));
        return orders.values().stream().filter(o -> o.orderId() == orderId).findFirst().orElse(null);
    }

    private Response cancel(Request r) {
        StandInOrder o = find(r);
        if (o == null || !(o.status().equals("NEW") || o.status().equals("PARTIALLY_FILLED"))) {
            return Response.error(400, -2011, "Unknown order sent.");
        }
        StandInOrder cancelled = o.with("CANCELED");
        orders.put(o.clientOrderId(), cancelled);
        return Response.json(200, "{\"symbol\":\"" + o.symbol() + "\",\"origClientOrderId\":\"" + o.clientOrderId() + "\",\"orderId\":"
                + o.orderId() + ",\"orderListId\":-1,\"clientOrderId\":\"cancelMyOrder1\",\"transactTime\":1684804350068,\"price\":\"0.00000000\","
                + "\"origQty\":\"" + o.quantity() + "\",\"executedQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"CANCELED\","
                + "\"timeInForce\":\"GTC\",\"type\":\"" + o.type() + "\",\"side\":\"" + o.side() + "\",\"selfTradePreventionMode\":\"NONE\"}");
    }

    private String exchangeInfo() {
        return "{\"timezone\":\"UTC\",\"serverTime\":" + now() + ",\"rateLimits\":" + rateLimits + ",\"exchangeFilters\":[],\"symbols\":["
                + symbol("BTCUSDT", "BTC", "0.01000000", "0.00001000", "5.00000000") + ","
                + symbol("ETHUSDT", "ETH", "0.01000000", "0.00010000", "5.00000000") + "]}";
    }

    static String symbol(String symbol, String base, String tick, String step, String minNotional) {
        return "{\"symbol\":\"" + symbol + "\",\"status\":\"TRADING\",\"baseAsset\":\"" + base + "\",\"baseAssetPrecision\":8,"
                + "\"quoteAsset\":\"USDT\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,\"baseCommissionPrecision\":8,\"quoteCommissionPrecision\":8,"
                + "\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\",\"STOP_LOSS\",\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT\",\"TAKE_PROFIT_LIMIT\"],"
                + "\"icebergAllowed\":true,\"ocoAllowed\":true,\"otoAllowed\":true,\"quoteOrderQtyMarketAllowed\":true,\"allowTrailingStop\":true,"
                + "\"cancelReplaceAllowed\":true,\"isSpotTradingAllowed\":true,\"isMarginTradingAllowed\":true,\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"" + tick + "\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"" + step + "\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"" + step + "\"},"
                + "{\"filterType\":\"ICEBERG_PARTS\",\"limit\":10},"
                + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":\"83.43139329\",\"stepSize\":\"0.00000000\"},"
                + "{\"filterType\":\"TRAILING_DELTA\",\"minTrailingAboveDelta\":10,\"maxTrailingAboveDelta\":2000,\"minTrailingBelowDelta\":10,\"maxTrailingBelowDelta\":2000},"
                + "{\"filterType\":\"PERCENT_PRICE_BY_SIDE\",\"bidMultiplierUp\":\"5\",\"bidMultiplierDown\":\"0.2\",\"askMultiplierUp\":\"5\",\"askMultiplierDown\":\"0.2\",\"avgPriceMins\":5},"
                + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"" + minNotional + "\",\"applyMinToMarket\":true,\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5},"
                + "{\"filterType\":\"MAX_NUM_ORDERS\",\"maxNumOrders\":200},{\"filterType\":\"MAX_NUM_ALGO_ORDERS\",\"maxNumAlgoOrders\":5}],"
                + "\"permissions\":[],\"permissionSets\":[[\"SPOT\",\"MARGIN\"]],\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\","
                + "\"allowedSelfTradePreventionModes\":[\"EXPIRE_TAKER\",\"EXPIRE_MAKER\",\"EXPIRE_BOTH\"]}";
    }
}
