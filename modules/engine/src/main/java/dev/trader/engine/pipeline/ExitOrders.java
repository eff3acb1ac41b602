package dev.trader.engine.pipeline;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.engine.Engine;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.ExitPlan;
import dev.trader.engine.position.PositionEntity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.Done;

/**
 * Carries out a position's exit plan: places every wanted order first (the new stop rests before
 * the old one goes, so the position is never unprotected), then cancels, then tells the position
 * what the venue has and what ended. Every step is idempotent (orders by client order id, the
 * settlement by what it reports), so the bar pipeline and the fill router may both carry out a plan.
 */
final class ExitOrders {
    private final Engine engine;
    private final Duration timeout;

    ExitOrders(Engine engine) {
        this.engine = engine;
        this.timeout = engine.settings().askTimeout();
    }

    CompletionStage<Void> carryOut(String positionId, ExitPlan plan) {
        if (plan.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Set<String> ended = ConcurrentHashMap.newKeySet();
        // The position learns the orders it is about to have before they go out, as an order's intent
        // is journaled before it is sent: if this node dies between a placement and the settlement
        // below, the position still knows the order and cancels it when it no longer wants it (a
        // cancel of an order that never reached the venue settles it as ended).
        CompletionStage<Void> announced = plan.place().isEmpty() ? CompletableFuture.completedFuture(null)
                : RetryingRef.barPath(engine.position(positionId))
                        .<Done>ask(r -> new PositionEntity.OrdersSettled(plan.purposes(), Set.of(), r), timeout).thenApply(d -> null);
        CompletionStage<Void> placed = announced.thenCompose(a -> inTurn(plan.place(), request -> RetryingRef.barPath(engine.order(request.clientOrderId()))
                .<OrderState>ask(r -> new OrderEntity.Place(request, positionId, plan.decisionPrice(), plan.trace(), r), timeout)
                .thenApply(order -> {
                    if (order.status() != null && order.status().isTerminal()) {
                        ended.add(request.clientOrderId().value());
                    }
                    return order;
                })));
        return placed
                .thenCompose(v -> inTurn(plan.cancel(), id -> RetryingRef.barPath(engine.order(new ClientOrderId(id)))
                        .<OrderState>ask(r -> new OrderEntity.Cancel("exit no longer wanted", r), timeout)
                        .thenApply(order -> {
                            if (!order.exists() || order.status().isTerminal()) {
                                ended.add(id);
                            }
                            return order;
                        })))
                .thenCompose(v -> RetryingRef.barPath(engine.position(positionId))
                        .<Done>ask(r -> new PositionEntity.OrdersSettled(plan.purposes(), Set.copyOf(ended), r), timeout))
                .thenApply(done -> null);
    }

    static <T> CompletionStage<Void> inTurn(List<T> items, Function<T, CompletionStage<?>> step) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (T item : items) {
            chain = chain.thenCompose(v -> step.apply(item)).thenApply(x -> null);
        }
        return chain;
    }
}
