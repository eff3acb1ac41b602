package dev.trader.api.read;

import dev.trader.engine.readmodel.query.OrderRow;

/**
 * One order of {@code GET /api/orders} (the read model's row, see {@link OrderRow}): prices and
 * quantities exact decimal strings, {@code decisionTime} the event (bar) time it was decided at.
 */
public record OrderRowView(String clientOrderId, String parentId, String strategy, String instrument, String side, String type, String quantity,
                           String price, boolean reduceOnly, String status, String filledQuantity, String averageFillPrice, String decisionTime,
                           String decisionPrice, String positionId, String venueOrderId, String lastReason) {
    public static OrderRowView of(OrderRow o) {
        return new OrderRowView(o.clientOrderId(), o.parentId(), o.strategy(), o.instrument(), Text.of(o.side()), Text.of(o.type()),
                Text.of(o.quantity()), Text.of(o.price()), o.reduceOnly(), Text.of(o.status()), Text.of(o.filledQuantity()),
                Text.of(o.averageFillPrice()), Text.of(o.decisionTime()), Text.of(o.decisionPrice()), o.positionId(), o.venueOrderId(),
                o.lastReason());
    }
}
