package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.BinanceError;
import java.time.Duration;

/**
 * What an endpoint answers before the HTTP layer sends it: status and JSON body, whether an order
 * was placed (it counts against the order limits), and how to deliver it — normally, after a
 * stall of {@code stall} (the client will have timed out), or by aborting the connection.
 */
record ApiResponse(int status, String body, Delivery delivery, Duration stall, boolean orderPlaced) {
    enum Delivery { NORMAL, STALL, ABORT }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body.toString(), Delivery.NORMAL, Duration.ZERO, false);
    }

    static ApiResponse error(BinanceError e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("code", e.code());
        n.put("msg", e.msg());
        return new ApiResponse(e.httpStatus(), n.toString(), Delivery.NORMAL, Duration.ZERO, false);
    }

    ApiResponse placed() {
        return new ApiResponse(status, body, delivery, stall, true);
    }

    ApiResponse stalled(Duration d) {
        return new ApiResponse(status, body, Delivery.STALL, d, orderPlaced);
    }

    ApiResponse aborted() {
        return new ApiResponse(status, body, Delivery.ABORT, Duration.ZERO, orderPlaced);
    }
}
