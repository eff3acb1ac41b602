package dev.trader.engine.order;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's lifecycle. {@code request} is null until the intent is journaled; the fills are
 * kept in full (an order has few), so a trade id is recognised whenever it comes again.
 */
public record OrderState(OrderRequest request, String positionId, OrderStatus status, String venueOrderId,
                         Quantity filledQuantity, List<Fill> fills, String lastReason) implements CborSerializable {

    static OrderState empty() {
        return new OrderState(null, null, null, "", Quantity.ZERO, List.of(), "");
    }

    public boolean exists() {
        return request != null;
    }

    boolean hasTrade(String tradeId) {
        return fills.stream().anyMatch(f -> f.tradeId().value().equals(tradeId));
    }

    OrderState requested(OrderRequest r, String position) {
        return new OrderState(r, position, OrderStatus.NEW, venueOrderId, filledQuantity, fills, lastReason);
    }

    OrderState moved(OrderStatus next, String venueId, String reason) {
        return new OrderState(request, positionId, next, venueId == null || venueId.isEmpty() ? venueOrderId : venueId,
                filledQuantity, fills, reason == null ? lastReason : reason);
    }

    /** The order as the venue took it: complete at {@code venueQuantity} when that is less than requested. */
    OrderState sizedAt(Quantity venueQuantity) {
        if (venueQuantity == null || venueQuantity.compareTo(request.quantity()) >= 0) {
            return this;
        }
        OrderRequest r = request;
        OrderRequest taken = new OrderRequest(r.clientOrderId(), r.strategy(), r.instrument(), r.side(), r.type(), venueQuantity, r.limitPrice(),
                r.decisionTime(), r.reduceOnly());
        return new OrderState(taken, positionId, status, venueOrderId, filledQuantity, fills, lastReason);
    }

    OrderState filled(Fill fill, OrderStatus next) {
        List<Fill> all = new ArrayList<>(fills);
        all.add(fill);
        return new OrderState(request, positionId, next, venueOrderId, filledQuantity.plus(fill.quantity()), List.copyOf(all), lastReason);
    }
}
