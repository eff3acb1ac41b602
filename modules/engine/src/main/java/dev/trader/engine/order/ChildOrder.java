package dev.trader.engine.order;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import java.util.Objects;

/**
 * One child of a parent order, an Order entity of its own under {@code request.clientOrderId()}.
 * {@code status} and {@code filled} are what the parent last saw of it (null status: not seen yet).
 *
 * @param slice the plan slice it was cut for (a POV's: the bar since the start)
 * @param last  the child that completes the parent: nothing follows it
 */
public record ChildOrder(int seq, OrderRequest request, int slice, boolean last, String reason, OrderStatus status, Quantity filled) {
    public ChildOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(filled, "filled");
    }

    public String clientOrderId() {
        return request.clientOrderId().value();
    }

    /** Not known to have ended: the parent sends nothing else while it may still trade. */
    public boolean working() {
        return status == null || !status.isTerminal();
    }

    ChildOrder seen(OrderStatus now, Quantity filledNow) {
        return new ChildOrder(seq, request, slice, last, reason, now, filledNow);
    }
}
