package dev.trader.engine.order;

import dev.trader.domain.id.TraceId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.Slippage;
import dev.trader.engine.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's lifecycle. {@code request} is null until the intent is journaled; the fills are
 * kept in full (an order has few), so a trade id is recognised whenever it comes again.
 *
 * <p>Execution quality: {@code decisionPrice} is the price the order was decided at (see
 * {@link dev.trader.domain.order.DecisionPrice}); {@code decidedAt}, {@code ackedAt},
 * {@code firstFillAt} and {@code lastFillAt} are wall-clock instants, measurements only, never
 * read by a decision: when the order was journaled, when the venue first confirmed having it (its
 * acceptance, or its first fill if that came first: a fill proves the venue has the order), and
 * when its first and latest fills arrived. All are null for an order journaled before they were
 * recorded, and the figures derived from them null with them.
 *
 * <p>{@code traceId} is the decision chain the order was handed when its id cannot say it (a
 * position's exit orders), else null: {@link #trace()} is the one to log under.
 */
public record OrderState(OrderRequest request, String positionId, OrderStatus status, String venueOrderId,
                         Quantity filledQuantity, List<Fill> fills, String lastReason,
                         Price decisionPrice, Instant decidedAt, Instant ackedAt, Instant firstFillAt, Instant lastFillAt, String traceId)
        implements CborSerializable {

    /** An order whose trace its id says. */
    public OrderState(OrderRequest request, String positionId, OrderStatus status, String venueOrderId,
                      Quantity filledQuantity, List<Fill> fills, String lastReason,
                      Price decisionPrice, Instant decidedAt, Instant ackedAt, Instant firstFillAt, Instant lastFillAt) {
        this(request, positionId, status, venueOrderId, filledQuantity, fills, lastReason, decisionPrice, decidedAt, ackedAt, firstFillAt, lastFillAt,
                null);
    }

    static OrderState empty() {
        return new OrderState(null, null, null, "", Quantity.ZERO, List.of(), "", null, null, null, null, null, null);
    }

    /** The decision chain the order belongs to (see {@link TraceId}); null before it is requested. */
    public TraceId trace() {
        if (traceId != null) {
            return new TraceId(traceId);
        }
        return request == null ? null : TraceId.ofOrder(request.clientOrderId());
    }

    public boolean exists() {
        return request != null;
    }

    boolean hasTrade(String tradeId) {
        return fills.stream().anyMatch(f -> f.tradeId().value().equals(tradeId));
    }

    /** From the decision to the venue's first confirmation; null until then (or for an order journaled before it was measured). */
    public Duration decisionToAck() {
        return between(decidedAt, ackedAt);
    }

    /** From the decision to the arrival of the first fill; null until then. */
    public Duration decisionToFirstFill() {
        return between(decidedAt, firstFillAt);
    }

    /** From the decision to the arrival of the latest fill (the completing one, once the order is FILLED); null until a fill. */
    public Duration decisionToLastFill() {
        return between(decidedAt, lastFillAt);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    /** The quantity-weighted average price of the fills; null before the first. */
    public Price averageFillPrice() {
        return Slippage.averagePrice(fills);
    }

    /** The fills against the decision price (positive: worse for us); null without fills or without a decision price. */
    public Slippage slippage() {
        return decisionPrice == null || fills.isEmpty() ? null : Slippage.of(request.side(), decisionPrice, fills);
    }

    /** {@link #slippage()} in basis points of the decision notional; null when unknown. */
    public BigDecimal slippageBps() {
        Slippage s = slippage();
        return s == null ? null : s.bps();
    }

    /** {@link #slippage()} in the quote currency; null when unknown. */
    public Money slippageQuote() {
        Slippage s = slippage();
        return s == null ? null : s.quote();
    }

    OrderState requested(OrderRequest r, String position, Price decidedPrice, Instant decided, String handedTrace) {
        return new OrderState(r, position, OrderStatus.NEW, venueOrderId, filledQuantity, fills, lastReason, decidedPrice, decided, ackedAt,
                firstFillAt, lastFillAt, handedTrace);
    }

    OrderState moved(OrderStatus next, String venueId, String reason) {
        return new OrderState(request, positionId, next, venueId == null || venueId.isEmpty() ? venueOrderId : venueId,
                filledQuantity, fills, reason == null ? lastReason : reason, decisionPrice, decidedAt, ackedAt, firstFillAt, lastFillAt, traceId);
    }

    /** The venue confirmed the order at {@code at}; only the first confirmation counts (null: not measured). */
    OrderState acknowledged(Instant at) {
        return ackedAt != null || at == null ? this
                : new OrderState(request, positionId, status, venueOrderId, filledQuantity, fills, lastReason, decisionPrice, decidedAt, at,
                        firstFillAt, lastFillAt, traceId);
    }

    /** The order as the venue took it: complete at {@code venueQuantity} when that is less than requested. */
    OrderState sizedAt(Quantity venueQuantity) {
        if (venueQuantity == null || venueQuantity.compareTo(request.quantity()) >= 0) {
            return this;
        }
        OrderRequest r = request;
        OrderRequest taken = new OrderRequest(r.clientOrderId(), r.strategy(), r.instrument(), r.side(), r.type(), venueQuantity, r.limitPrice(),
                r.decisionTime(), r.reduceOnly());
        return new OrderState(taken, positionId, status, venueOrderId, filledQuantity, fills, lastReason, decisionPrice, decidedAt, ackedAt,
                firstFillAt, lastFillAt, traceId);
    }

    /** {@code fill} arrived at {@code arrivedAt} (null: not measured). */
    OrderState filled(Fill fill, OrderStatus next, Instant arrivedAt) {
        List<Fill> all = new ArrayList<>(fills);
        all.add(fill);
        return new OrderState(request, positionId, next, venueOrderId, filledQuantity.plus(fill.quantity()), List.copyOf(all), lastReason,
                decisionPrice, decidedAt, ackedAt, firstFillAt == null ? arrivedAt : firstFillAt, arrivedAt == null ? lastFillAt : arrivedAt, traceId)
                .acknowledged(arrivedAt);
    }
}
