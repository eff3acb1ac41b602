package dev.trader.domain.order;

import static dev.trader.domain.order.OrderStatus.ACCEPTED;
import static dev.trader.domain.order.OrderStatus.CANCELLED;
import static dev.trader.domain.order.OrderStatus.EXPIRED;
import static dev.trader.domain.order.OrderStatus.FILLED;
import static dev.trader.domain.order.OrderStatus.NEW;
import static dev.trader.domain.order.OrderStatus.PARTIALLY_FILLED;
import static dev.trader.domain.order.OrderStatus.REJECTED;
import static dev.trader.domain.order.OrderStatus.SUBMITTED;
import static dev.trader.domain.order.OrderStatus.UNKNOWN;
import static dev.trader.domain.order.OrderTransition.ACCEPT;
import static dev.trader.domain.order.OrderTransition.CANCEL;
import static dev.trader.domain.order.OrderTransition.EXPIRE;
import static dev.trader.domain.order.OrderTransition.FILL;
import static dev.trader.domain.order.OrderTransition.MARK_UNKNOWN;
import static dev.trader.domain.order.OrderTransition.PARTIAL_FILL;
import static dev.trader.domain.order.OrderTransition.REJECT;
import static dev.trader.domain.order.OrderTransition.SUBMIT;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order lifecycle as an explicit table: (state, transition) → state. Anything not in the
 * table is an error, so a late or duplicated venue message can never move an order backwards.
 */
public final class OrderStateMachine {
    private static final Map<OrderStatus, Map<OrderTransition, OrderStatus>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        allow(NEW, SUBMIT, SUBMITTED);
        allow(NEW, REJECT, REJECTED);
        allow(NEW, CANCEL, CANCELLED);

        allow(SUBMITTED, ACCEPT, ACCEPTED);
        allow(SUBMITTED, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(SUBMITTED, FILL, FILLED);
        allow(SUBMITTED, CANCEL, CANCELLED);
        allow(SUBMITTED, REJECT, REJECTED);
        allow(SUBMITTED, EXPIRE, EXPIRED);
        allow(SUBMITTED, MARK_UNKNOWN, UNKNOWN);

        allow(ACCEPTED, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(ACCEPTED, FILL, FILLED);
        allow(ACCEPTED, CANCEL, CANCELLED);
        allow(ACCEPTED, EXPIRE, EXPIRED);
        allow(ACCEPTED, MARK_UNKNOWN, UNKNOWN);

        allow(PARTIALLY_FILLED, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(PARTIALLY_FILLED, FILL, FILLED);
        allow(PARTIALLY_FILLED, CANCEL, CANCELLED);
        allow(PARTIALLY_FILLED, EXPIRE, EXPIRED);
        allow(PARTIALLY_FILLED, MARK_UNKNOWN, UNKNOWN);

        // An unknown order is resolved by what the venue says when asked; a proven
        // "never arrived" sends it again under the same client order id.
        allow(UNKNOWN, SUBMIT, SUBMITTED);
        allow(UNKNOWN, ACCEPT, ACCEPTED);
        allow(UNKNOWN, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(UNKNOWN, FILL, FILLED);
        allow(UNKNOWN, CANCEL, CANCELLED);
        allow(UNKNOWN, REJECT, REJECTED);
        allow(UNKNOWN, EXPIRE, EXPIRED);
    }

    private OrderStateMachine() {
    }

    private static void allow(OrderStatus from, OrderTransition transition, OrderStatus to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(OrderTransition.class)).put(transition, to);
    }

    public static Optional<OrderStatus> next(OrderStatus from, OrderTransition transition) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(transition));
    }

    public static OrderStatus require(OrderStatus from, OrderTransition transition) {
        return next(from, transition).orElseThrow(() -> new IllegalOrderTransitionException(from, transition));
    }
}
