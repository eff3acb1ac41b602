package dev.trader.execution.binance;

import dev.trader.domain.order.OrderStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this process knows of orders: the symbol of each client order id (cancel and query need
 * it), Binance's order id (myTrades rows name only that), whether it is reduce-only and its last
 * known status. Fed by our submissions and by every answer and execution report. Bounded: the
 * oldest entries go first.
 */
final class OrderTracker {
    static final int CAPACITY = 100_000;

    record Tracked(String clientOrderId, String symbol, boolean reduceOnly, boolean sent, long orderId, OrderStatus status) {
        boolean open() {
            return status == null || status.isOpen();
        }
    }

    private final Map<String, Tracked> byClientId = bounded();
    private final Map<String, String> byOrderId = bounded();

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    synchronized Optional<Tracked> get(String clientOrderId) {
        return Optional.ofNullable(byClientId.get(clientOrderId));
    }

    /** We are sending this order (again). */
    synchronized void sending(String clientOrderId, String symbol, boolean reduceOnly) {
        Tracked t = byClientId.get(clientOrderId);
        byClientId.put(clientOrderId, new Tracked(clientOrderId, symbol, reduceOnly || (t != null && t.reduceOnly()), true,
                t == null ? -1 : t.orderId(), t == null ? null : t.status()));
    }

    /**
     * Binance told us of an order: remember its id and status. An order that has ended stays ended:
     * a report overtaken by a later one (the simulator's REORDER_FILLS: the PARTIALLY_FILLED report
     * after the FILLED one) must not make it look open again, to be cancelled as a resting reduce-only order.
     */
    synchronized void learn(String symbol, long orderId, String clientOrderId, OrderStatus status) {
        Tracked t = byClientId.get(clientOrderId);
        boolean keep = t != null && t.status() != null && (status == null || (t.status().isTerminal() && !status.isTerminal()));
        byClientId.put(clientOrderId, new Tracked(clientOrderId, symbol, t != null && t.reduceOnly(), t != null && t.sent(), orderId,
                keep ? t.status() : status));
        byOrderId.put(symbol + ":" + orderId, clientOrderId);
    }

    /** We know the order ended without Binance telling us (it refused it). */
    synchronized void ended(String clientOrderId, OrderStatus status) {
        Tracked t = byClientId.get(clientOrderId);
        if (t != null) {
            byClientId.put(clientOrderId, new Tracked(clientOrderId, t.symbol(), t.reduceOnly(), t.sent(), t.orderId(), status));
        }
    }

    void learn(OrderAnswer a) {
        learn(a.symbol(), a.orderId(), a.clientOrderId(), a.status() == null ? null : a.status().toOrderStatus());
    }

    synchronized Optional<String> clientIdOf(String symbol, long orderId) {
        return Optional.ofNullable(byOrderId.get(symbol + ":" + orderId));
    }

    /** Our reduce-only orders of a symbol not known to have ended. */
    synchronized List<String> openReduceOnly(String symbol) {
        List<String> out = new ArrayList<>();
        for (Tracked t : byClientId.values()) {
            if (t.reduceOnly() && t.sent() && t.symbol().equals(symbol) && t.open()) {
                out.add(t.clientOrderId());
            }
        }
        return out;
    }
}
