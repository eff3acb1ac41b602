package dev.trader.execution.paper;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.order.SubmitResult;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.FillListener;
import dev.trader.domain.port.SimulatedVenue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Paper trading against the bars we are fed: a market order decided at a bar's close fills
 * completely at the next bar's open, paying {@code feeRate} of the notional in the quote
 * currency. Submission is idempotent by client order id, like a real venue's. The venue's
 * book lives in memory: after a restart the engine's reconciliation sends open orders again.
 */
public final class PaperExecutionClient implements ExecutionClient, SimulatedVenue {
    private final String venue;
    private final BigDecimal feeRate;
    private final String feeCurrency;
    private final Map<String, PaperOrder> orders = new LinkedHashMap<>();
    /** Fills made but not yet confirmed applied by the listener, by trade id. */
    private final Map<String, Fill> undelivered = new LinkedHashMap<>();
    private volatile FillListener listener = fill -> CompletableFuture.completedFuture(null);

    public PaperExecutionClient(String venue, BigDecimal feeRate, String feeCurrency) {
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("paper fee rate must not be negative but was " + feeRate);
        }
        this.venue = venue;
        this.feeRate = feeRate;
        this.feeCurrency = feeCurrency;
    }

    @Override
    public String venue() {
        return venue;
    }

    @Override
    public void setFillListener(FillListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized CompletionStage<SubmitResult> submit(OrderRequest request) {
        PaperOrder existing = orders.get(request.clientOrderId().value());
        if (existing != null) {
            return CompletableFuture.completedFuture(SubmitResult.accepted(request.clientOrderId(), existing.venueOrderId()));
        }
        if (request.type() != OrderType.MARKET) {
            return CompletableFuture.completedFuture(SubmitResult.rejected(request.clientOrderId(), "paper venue fills market orders only"));
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

    /** Fills every open order on this bar's instrument that was decided before the bar opened. */
    @Override
    public CompletionStage<Void> onBar(Bar bar) {
        List<Fill> fills = new ArrayList<>();
        synchronized (this) {
            // A fill whose delivery failed earlier (an ask timed out, say) is sent again, the same
            // fill with the same trade id, before anything new: every stage recognises it if it
            // already has it, and nothing is lost if it did not.
            fills.addAll(undelivered.values());
            for (PaperOrder order : orders.values()) {
                OrderRequest r = order.request();
                if (order.status() == OrderStatus.ACCEPTED && r.instrument().equals(bar.instrument())
                        && !r.decisionTime().isAfter(bar.openTime())) {
                    Fill fill = fillAt(r, bar.open(), bar);
                    fills.add(fill);
                    undelivered.put(fill.tradeId().value(), fill);
                    orders.put(r.clientOrderId().value(), order.withStatus(OrderStatus.FILLED));
                }
            }
        }
        CompletableFuture<?>[] applied = fills.stream().map(f -> listener.onFill(f).toCompletableFuture()
                .thenRun(() -> delivered(f))).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(applied);
    }

    private synchronized void delivered(Fill fill) {
        undelivered.remove(fill.tradeId().value());
    }

    private Fill fillAt(OrderRequest r, Price price, Bar bar) {
        Money fee = price.notional(r.quantity(), feeCurrency).times(feeRate);
        TradeId tradeId = new TradeId(venue + "-" + r.clientOrderId().value() + "-1");
        return new Fill(r.clientOrderId(), tradeId, r.instrument(), r.side(), price, r.quantity(), fee, bar.openTime());
    }

    private record PaperOrder(OrderRequest request, String venueOrderId, OrderStatus status) {
        PaperOrder withStatus(OrderStatus s) {
            return new PaperOrder(request, venueOrderId, s);
        }
    }
}
