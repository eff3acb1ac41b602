package dev.trader.execution.sim.rest;

import java.util.function.ToIntFunction;

/**
 * One REST endpoint: method and path, Binance's security type and request weight (which may
 * depend on the parameters, as depth's does on limit), whether it places orders (order limits
 * and X-MBX-ORDER-COUNT headers), and what it does.
 */
record Endpoint(String method, String path, Security security, ToIntFunction<RequestParams> weight, boolean placesOrders, Handler handler) {

    /** A request that passed the rate limits and the security checks. */
    record Call(RequestParams params, String apiKey, long serverTime) {
    }

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(Call call);
    }

    static Endpoint of(String method, String path, Security security, int weight, Handler handler) {
        return new Endpoint(method, path, security, p -> weight, false, handler);
    }
}
