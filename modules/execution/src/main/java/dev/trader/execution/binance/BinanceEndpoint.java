package dev.trader.execution.binance;

/**
 * The REST endpoints this adapter uses, with their request weight as Binance documents it (some
 * depend on the parameters) and whether they place an order (counted against the ORDERS limits).
 * KLINES and DEPTH are not called here yet; their weights are kept with the others so that a
 * market-data call added to this client is counted right.
 */
enum BinanceEndpoint {
    PING("GET", "/api/v3/ping", Security.NONE, 1),
    TIME("GET", "/api/v3/time", Security.NONE, 1),
    EXCHANGE_INFO("GET", "/api/v3/exchangeInfo", Security.NONE, 20),
    KLINES("GET", "/api/v3/klines", Security.NONE, 2),
    DEPTH("GET", "/api/v3/depth", Security.NONE, 5),
    NEW_ORDER("POST", "/api/v3/order", Security.SIGNED, 1),
    CANCEL_ORDER("DELETE", "/api/v3/order", Security.SIGNED, 1),
    QUERY_ORDER("GET", "/api/v3/order", Security.SIGNED, 4),
    OPEN_ORDERS("GET", "/api/v3/openOrders", Security.SIGNED, 6),
    ALL_ORDERS("GET", "/api/v3/allOrders", Security.SIGNED, 20),
    MY_TRADES("GET", "/api/v3/myTrades", Security.SIGNED, 20),
    ACCOUNT("GET", "/api/v3/account", Security.SIGNED, 20),
    USER_STREAM_START("POST", "/api/v3/userDataStream", Security.API_KEY, 2),
    USER_STREAM_KEEPALIVE("PUT", "/api/v3/userDataStream", Security.API_KEY, 2);

    /** NONE: public; API_KEY: the X-MBX-APIKEY header only; SIGNED: the header, a timestamp and the HMAC signature. */
    enum Security { NONE, API_KEY, SIGNED }

    final String method;
    final String path;
    final Security security;
    private final int baseWeight;

    BinanceEndpoint(String method, String path, Security security, int baseWeight) {
        this.method = method;
        this.path = path;
        this.security = security;
        this.baseWeight = baseWeight;
    }

    /** The weight of one call with these parameters. */
    int weight(RequestParams params) {
        return switch (this) {
            case OPEN_ORDERS -> params.has("symbol") ? 6 : 80;
            case MY_TRADES -> params.has("orderId") ? 5 : 20;
            case DEPTH -> depthWeight(params.get("limit"));
            default -> baseWeight;
        };
    }

    /** How many orders the call places (the ORDERS limits). */
    int orders() {
        return this == NEW_ORDER ? 1 : 0;
    }

    /** Parameters go in the body for POST and PUT, in the query string otherwise (Binance accepts both). */
    boolean paramsInBody() {
        return method.equals("POST") || method.equals("PUT");
    }

    private static int depthWeight(String limit) {
        int n = limit == null ? 100 : Integer.parseInt(limit);
        if (n <= 100) {
            return 5;
        }
        if (n <= 500) {
            return 25;
        }
        return n <= 1000 ? 50 : 250;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
