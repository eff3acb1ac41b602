package dev.trader.execution.sim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.exchange.MatchingEngine;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.SimOrderStatus;
import dev.trader.execution.sim.fault.FaultInjector;
import dev.trader.execution.sim.fault.FaultKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST, GET and DELETE /api/v3/order and DELETE /api/v3/openOrders, with the faults that lie about them: the order placed but
 * the answer stalled, aborted, a 503 or a -1007 (the client must find out by querying); a 503
 * without the order placed; -2013 for the first queries of an order that exists.
 */
final class OrderEndpoints {
    private static final List<FaultKind> PLACED_FAULTS = List.of(FaultKind.STALL_ORDER_RESPONSE, FaultKind.ABORT_ORDER_RESPONSE,
            FaultKind.SERVER_ERROR_PLACED, FaultKind.TIMEOUT_PLACED);

    private final SimConfig config;
    private final MatchingEngine engine;
    private final FaultInjector faults;
    /** Order id → how many more queries answer -2013 (ORDER_NOT_FOUND_ON_QUERY). */
    private final Map<Long, Integer> hiddenQueries = new HashMap<>();

    OrderEndpoints(SimConfig config, MatchingEngine engine, FaultInjector faults) {
        this.config = config;
        this.engine = engine;
        this.faults = faults;
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v3/order", Security.SIGNED, p -> 1, true, this::place),
                Endpoint.of("GET", "/api/v3/order", Security.SIGNED, 4, this::query),
                Endpoint.of("DELETE", "/api/v3/order", Security.SIGNED, 1, this::cancel),
                Endpoint.of("DELETE", "/api/v3/openOrders", Security.SIGNED, 1, this::cancelAll));
    }

    private ApiResponse place(Endpoint.Call c) {
        NewOrderParser.Parsed parsed = NewOrderParser.parse(c.params(), config);
        // Every configured fault gets its draw on every order, so one kind's sequence never depends on another's.
        Optional<Long> notPlaced = faults.draw(FaultKind.SERVER_ERROR_NOT_PLACED);
        Map<FaultKind, Long> placedFaults = new EnumMap<>(FaultKind.class);
        for (FaultKind k : PLACED_FAULTS) {
            faults.draw(k).ifPresent(n -> placedFaults.put(k, n));
        }
        if (notPlaced.isPresent()) {
            faults.record(FaultKind.SERVER_ERROR_NOT_PLACED, notPlaced.get(), "not placed: " + describe(parsed));
            return ApiResponse.error(BinanceError.unknownStatus());
        }
        OrderView o = engine.place(parsed.order());
        long now = o.time();
        ObjectNode body = switch (parsed.responseType()) {
            case ACK -> OrderPayloads.ack(o, now);
            case RESULT -> OrderPayloads.result(o, now);
            case FULL -> OrderPayloads.full(o, now);
        };
        ApiResponse answer = ApiResponse.ok(body).placed();
        for (FaultKind k : PLACED_FAULTS) {
            Long n = placedFaults.get(k);
            if (n != null) {
                faults.record(k, n, "orderId " + o.orderId() + " clientOrderId " + o.clientOrderId());
                return switch (k) {
                    case STALL_ORDER_RESPONSE -> answer.stalled(faults.duration(k));
                    case ABORT_ORDER_RESPONSE -> answer.aborted();
                    case SERVER_ERROR_PLACED -> ApiResponse.error(BinanceError.unknownStatus()).placed();
                    default -> ApiResponse.error(BinanceError.backendTimeout()).placed();
                };
            }
        }
        return answer;
    }

    private static String describe(NewOrderParser.Parsed p) {
        return p.order().symbol() + " " + p.order().side() + " " + p.order().type()
                + (p.order().clientOrderId() == null ? "" : " clientOrderId " + p.order().clientOrderId());
    }

    /** The order a GET or DELETE names: its symbol, and its orderId or origClientOrderId (at least one). */
    private record OrderRef(String symbol, Long orderId, String clientId) {
        static OrderRef of(RequestParams p) {
            String symbol = p.required("symbol");
            Long orderId = p.longValue("orderId").orElse(null);
            String clientId = p.string("origClientOrderId").orElse(null);
            if (orderId == null && clientId == null) {
                throw BinanceError.eitherMandatory("origClientOrderId", "orderId").exception();
            }
            return new OrderRef(symbol, orderId, clientId);
        }
    }

    private ApiResponse query(Endpoint.Call c) {
        OrderRef ref = OrderRef.of(c.params());
        OrderView o = engine.query(ref.symbol(), ref.orderId(), ref.clientId()).orElseThrow(() -> BinanceError.orderDoesNotExist().exception());
        if (hidden(o.orderId())) {
            throw BinanceError.orderDoesNotExist().exception();
        }
        return ApiResponse.ok(OrderPayloads.query(o));
    }

    /** ORDER_NOT_FOUND_ON_QUERY: whether this query of an existing order is answered -2013. */
    private synchronized boolean hidden(long orderId) {
        Integer left = hiddenQueries.get(orderId);
        if (left == null) {
            left = faults.fires(FaultKind.ORDER_NOT_FOUND_ON_QUERY, "orderId " + orderId) ? faults.count(FaultKind.ORDER_NOT_FOUND_ON_QUERY) : 0;
        }
        hiddenQueries.put(orderId, Math.max(0, left - 1));
        return left > 0;
    }

    private ApiResponse cancelAll(Endpoint.Call c) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (MatchingEngine.CancelResult r : engine.cancelAll(c.params().required("symbol"))) {
            out.add(OrderPayloads.cancel(r.order(), r.cancelClientOrderId(), r.order().updateTime()));
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse cancel(Endpoint.Call c) {
        RequestParams p = c.params();
        OrderRef ref = OrderRef.of(p);
        String cancelId = p.string("newClientOrderId").orElse(null);
        NewOrderParser.checkClientOrderId("newClientOrderId", cancelId);
        SimOrderStatus required = p.string("cancelRestrictions").map(r -> switch (r) {
            case "ONLY_NEW" -> SimOrderStatus.NEW;
            case "ONLY_PARTIALLY_FILLED" -> SimOrderStatus.PARTIALLY_FILLED;
            default -> throw new BinanceError(400, -1145, "Invalid cancelRestrictions").exception();
        }).orElse(null);
        MatchingEngine.CancelResult r = engine.cancel(ref.symbol(), ref.orderId(), ref.clientId(), cancelId, required);
        return ApiResponse.ok(OrderPayloads.cancel(r.order(), r.cancelClientOrderId(), r.order().updateTime()));
    }
}
