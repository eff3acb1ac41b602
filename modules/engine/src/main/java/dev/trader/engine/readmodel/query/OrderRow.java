package dev.trader.engine.readmodel.query;

import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as the read model has it (table {@code rm_orders}): the request, what became of it and
 * who decided it. {@code parentId}: the parent order of an execution algorithm's child, else null;
 * {@code price}: a limit's price or a stop's trigger (null for a market order); {@code decisionTime}:
 * the event time (bar time) it was decided at; {@code decisionPrice}: the price the decision saw
 * (null if not known); {@code averageFillPrice}: the fills' quantity-weighted average (null before a
 * fill), exactly as the Order entity computes it. Decimals are exact and canonical.
 */
public record OrderRow(String clientOrderId, String parentId, String strategy, String instrument, OrderSide side, OrderType type,
                       BigDecimal quantity, BigDecimal price, boolean reduceOnly, OrderStatus status, BigDecimal filledQuantity,
                       BigDecimal averageFillPrice, Instant decisionTime, BigDecimal decisionPrice, String positionId, String venueOrderId,
                       String lastReason) {
}
