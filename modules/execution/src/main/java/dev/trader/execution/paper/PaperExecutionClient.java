package dev.trader.execution.paper;

import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.order.SubmitResult;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.FillListener;
import dev.trader.domain.port.SimulatedVenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Paper trading against the bars we are fed. An order decided at or before a bar's open rests
 * until a bar trades it, as {@link BarMatcher} says: market orders at the next open, stop-market
 * orders when the price reaches their trigger (at the open after a gap), limit orders when the
 * price reaches their limit. Every order fills completely in one fill, paying {@code feeRate} of
 * the notional in the quote currency, except a reduce-only one, which never sells more than is
 * held here: it fills what is left and the rest expires, and once nothing is held every resting
 * reduce-only order of the instrument expires. Submission is idempotent by client order id, like
 * a real venue's. The book lives in memory: after a restart the engine restores the holdings
 * ({@link #restoreHolding}) and its reconciliation sends open orders again.
 *
 * <p>Taker fills (market orders, triggered stops) pay the spread and slippage of {@code takerCosts}
 * for the order's instrument in the bar's session, by {@link TakerCost#fillPrice} (no price step:
 * 8 decimals), exactly as the backtest's simulated exchange charges them; limit fills are maker
 * fills at their price. Without costs ({@link TakerCosts#NONE}, the default) a taker fills at the
 * price {@link BarMatcher} names. A market order whose simulated latency is above the
 * {@link LatencyPenalty}'s threshold pays the late cost instead (the measured slippage's 90th
 * percentile), as the backtest charges it.
 */
public final class PaperExecutionClient implements ExecutionClient, SimulatedVenue {
    private final String venue;
    private final BigDecimal feeRate;
    private final String feeCurrency;
    private final TakerCosts takerCosts;
    private final LatencyPenalty latencyPenalty;
    private final Map<String, PaperOrder> orders = new LinkedHashMap<>();
    /** What the fills here hold per instrument (buys minus sells). */
    private final Map<InstrumentId, BigDecimal> held = new HashMap<>();
    /** Fills made but not yet confirmed applied by the listener, by trade id. */
    private final Map<String, Fill> undelivered = new LinkedHashMap<>();
    private volatile FillListener listener = fill -> CompletableFuture.completedFuture(null);

    /** A venue whose takers fill at the matched price (no spread, no slippage). */
    public PaperExecutionClient(String venue, BigDecimal feeRate, String feeCurrency) {
        this(venue, feeRate, feeCurrency, TakerCosts.NONE);
    }

    /** A venue whose takers pay {@code takerCosts} (measured per instrument and session, say), with no latency. */
    public PaperExecutionClient(String venue, BigDecimal feeRate, String feeCurrency, TakerCosts takerCosts) {
        this(venue, feeRate, feeCurrency, takerCosts, LatencyPenalty.NONE);
    }

    /** A venue whose takers pay {@code takerCosts}, market orders the late cost when {@code latencyPenalty} says they are late. */
    public PaperExecutionClient(String venue, BigDecimal feeRate, String feeCurrency, TakerCosts takerCosts, LatencyPenalty latencyPenalty) {
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("paper fee rate must not be negative but was " + feeRate);
        }
        this.venue = venue;
        this.feeRate = feeRate;
        this.feeCurrency = feeCurrency;
        this.takerCosts = Objects.requireNonNull(takerCosts, "takerCosts");
        this.latencyPenalty = Objects.requireNonNull(latencyPenalty, "latencyPenalty");
    }

    @Override
    public String venue() {
        return venue;
    }

    @Override
    public void setFillListener(FillListener listener) {
        this.listener = listener;
    }

    /** After a restart: what our books hold of {@code instrument}, so reduce-only exits can fill again. */
    public synchronized void restoreHolding(InstrumentId instrument, Quantity quantity) {
        restoreHolding(instrument, quantity.toBigDecimal());
    }

    /** As {@link #restoreHolding(InstrumentId, Quantity)}, signed: negative for a short. */
    public synchronized void restoreHolding(InstrumentId instrument, BigDecimal signedQuantity) {
        held.put(instrument, signedQuantity);
    }

    /** What the fills here hold of {@code instrument}. */
    public synchronized BigDecimal holding(InstrumentId instrument) {
        return held.getOrDefault(instrument, BigDecimal.ZERO);
    }

    @Override
    public synchronized CompletionStage<SubmitResult> submit(OrderRequest request) {
        PaperOrder existing = orders.get(request.clientOrderId().value());
        if (existing != null) {
            return CompletableFuture.completedFuture(SubmitResult.accepted(request.clientOrderId(), existing.venueOrderId()));
        }
        // Derived from the client order id, so a restarted venue answers with the same id.
        PaperOrder order = new PaperOrder(request, venue + "-" + request.clientOrderId().value(), OrderStatus.ACCEPTED);
        orders.put(request.clientOrderId().value(), order);
        return CompletableFuture.completedFuture(SubmitResult.accepted(request.clientOrderId(), order.venueOrderId()));
    }

    @Override
    public synchronized CompletionStage<SubmitResult> cancel(ClientOrderId clientOrderId) {
        PaperOrder order = orders.get(clientOrderId.value());
        if (order == null || order.status() != OrderStatus.ACCEPTED) {
            return CompletableFuture.completedFuture(SubmitResult.rejected(clientOrderId, "unknown or not open"));
        }
        orders.put(clientOrderId.value(), order.withStatus(OrderStatus.CANCELLED));
        return CompletableFuture.completedFuture(SubmitResult.accepted(clientOrderId, order.venueOrderId()));
    }

    @Override
    public synchronized CompletionStage<Optional<OrderStatus>> query(ClientOrderId clientOrderId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(orders.get(clientOrderId.value())).map(PaperOrder::status));
    }

    /** Trades every resting order on this bar's instrument that was decided before the bar opened. */
    @Override
    public CompletionStage<Void> onBar(Bar bar) {
        List<Fill> fills = new ArrayList<>();
        synchronized (this) {
            // A fill whose delivery failed earlier (an ask timed out, say) is sent again, the same
            // fill with the same trade id, before anything new: every stage recognises it if it
            // already has it, and nothing is lost if it did not.
            fills.addAll(undelivered.values());
            List<OrderRequest> resting = orders.values().stream()
                    .filter(o -> o.status() == OrderStatus.ACCEPTED && o.request().instrument().equals(bar.instrument())
                            && !o.request().decisionTime().isAfter(bar.openTime()))
                    .map(PaperOrder::request).toList();
            for (BarMatcher.Match m : BarMatcher.match(bar, resting)) {
                trade(m.request(), fillPrice(m, bar), bar).ifPresent(f -> {
                    fills.add(f);
                    undelivered.put(f.tradeId().value(), f);
                });
            }
        }
        // One after the other, in the order they happened: an entry and the stop that closed it in
        // the same bar must reach the position in that order.
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Fill f : fills) {
            chain = chain.thenCompose(v -> listener.onFill(f).toCompletableFuture()).thenRun(() -> delivered(f));
        }
        return chain;
    }

    /** Market orders and stops take liquidity and pay the taker cost (a late market order the late one); limits fill at their price. */
    private Price fillPrice(BarMatcher.Match m, Bar bar) {
        OrderRequest r = m.request();
        if (r.type() == OrderType.LIMIT) {
            return m.price();
        }
        TakerCost cost = r.type() == OrderType.MARKET ? latencyPenalty.marketCost(takerCosts, r.instrument(), bar.openTime())
                : takerCosts.at(r.instrument(), bar.openTime());
        return cost.fillPrice(r.side(), m.price(), null);
    }

    /** One order trades at {@code price}: all of it, or for a reduce-only order what is held (the rest expires). */
    private Optional<Fill> trade(OrderRequest r, Price price, Bar bar) {
        PaperOrder order = orders.get(r.clientOrderId().value());
        if (order.status() != OrderStatus.ACCEPTED) {
            return Optional.empty();
        }
        BigDecimal position = holding(r.instrument());
        Quantity quantity = r.quantity();
        if (r.reduceOnly()) {
            BigDecimal reducible = r.side() == OrderSide.SELL ? position.max(BigDecimal.ZERO) : position.negate().max(BigDecimal.ZERO);
            if (reducible.compareTo(quantity.toBigDecimal()) < 0) {
                quantity = reducible.signum() == 0 ? Quantity.ZERO : Quantity.of(reducible);
            }
        }
        if (quantity.isZero()) {
            orders.put(r.clientOrderId().value(), order.withStatus(OrderStatus.EXPIRED));
            return Optional.empty();
        }
        Money fee = price.notional(quantity, feeCurrency).times(feeRate);
        TradeId tradeId = new TradeId(venue + "-" + r.clientOrderId().value() + "-1");
        Fill fill = new Fill(r.clientOrderId(), tradeId, r.instrument(), r.side(), price, quantity, fee, bar.openTime());
        BigDecimal signed = r.side() == OrderSide.BUY ? quantity.toBigDecimal() : quantity.toBigDecimal().negate();
        BigDecimal after = position.add(signed);
        held.put(r.instrument(), after);
        orders.put(r.clientOrderId().value(), order.withStatus(quantity.equals(r.quantity()) ? OrderStatus.FILLED : OrderStatus.EXPIRED));
        if (after.signum() == 0) {
            expireReduceOnly(r.instrument());
        }
        return Optional.of(fill);
    }

    /** Nothing is held: no resting reduce-only order of the instrument can ever fill. */
    private void expireReduceOnly(InstrumentId instrument) {
        orders.replaceAll((id, o) -> o.status() == OrderStatus.ACCEPTED && o.request().reduceOnly() && o.request().instrument().equals(instrument)
                ? o.withStatus(OrderStatus.EXPIRED) : o);
    }

    private synchronized void delivered(Fill fill) {
        undelivered.remove(fill.tradeId().value());
    }

    private record PaperOrder(OrderRequest request, String venueOrderId, OrderStatus status) {
        PaperOrder withStatus(OrderStatus s) {
            return new PaperOrder(request, venueOrderId, s);
        }
    }
}
