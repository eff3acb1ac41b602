package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.stream.ListenKeys;
import dev.trader.execution.sim.stream.UserStreamPublisher;
import java.util.List;

/**
 * POST/PUT/DELETE /api/v3/userDataStream (USER_STREAM: API key, no signature): create (or return
 * the active key, extended), keep alive, close. Weight 2 each, as Binance had them.
 */
final class UserStreamEndpoints {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ListenKeys keys;
    private final UserStreamPublisher publisher;

    UserStreamEndpoints(ListenKeys keys, UserStreamPublisher publisher) {
        this.keys = keys;
        this.publisher = publisher;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of("POST", "/api/v3/userDataStream", Security.USER_STREAM, 2,
                        c -> ApiResponse.ok(F.objectNode().put("listenKey", keys.create(c.serverTime())))),
                Endpoint.of("PUT", "/api/v3/userDataStream", Security.USER_STREAM, 2, c -> {
                    if (!keys.keepAlive(c.params().required("listenKey"), c.serverTime())) {
                        throw BinanceError.unknownListenKey().exception();
                    }
                    return ApiResponse.ok(F.objectNode());
                }),
                Endpoint.of("DELETE", "/api/v3/userDataStream", Security.USER_STREAM, 2, c -> {
                    String key = c.params().required("listenKey");
                    if (!keys.close(key)) {
                        throw BinanceError.unknownListenKey().exception();
                    }
                    publisher.closed(key);
                    return ApiResponse.ok(F.objectNode());
                }));
    }
}
