package dev.trader.engine.order;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderStatus;
import java.util.Objects;

/** What a child's Order entity says of it: its status and what it filled. */
public record ChildReport(String clientOrderId, OrderStatus status, Quantity filled) {
    public ChildReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filled, "filled");
    }

    /** The report of an order; null for one that does not exist (yet). */
    public static ChildReport of(OrderState order) {
        return order.exists() ? new ChildReport(order.request().clientOrderId().value(), order.status(), order.filledQuantity()) : null;
    }
}
