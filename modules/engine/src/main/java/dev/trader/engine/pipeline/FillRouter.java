package dev.trader.engine.pipeline;

import dev.trader.domain.order.Fill;
import dev.trader.domain.port.FillListener;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.position.PositionEntity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a venue's fill: Order (by client order id) → Position → Account. Every stage
 * recognises a trade id it has seen, and a fill the order already had is still passed on, so a
 * delivery interrupted by a crash is completed by the next delivery of the same fill.
 */
public final class FillRouter implements FillListener {
    private static final Logger LOG = LoggerFactory.getLogger(FillRouter.class);
    private final Engine engine;
    private final Duration timeout;

    public FillRouter(Engine engine) {
        this.engine = engine;
        this.timeout = engine.settings().askTimeout();
    }

    @Override
    public CompletionStage<Void> onFill(Fill fill) {
        return engine.order(fill.clientOrderId())
                .<OrderEntity.FillApplied>ask(r -> new OrderEntity.ApplyFill(fill, r), timeout)
                .thenCompose(applied -> {
                    if (!applied.known()) {
                        LOG.warn("fill {} for unknown order {}: left for reconciliation", fill.tradeId(), fill.clientOrderId());
                        return CompletableFuture.completedFuture(null);
                    }
                    String positionId = applied.order().positionId();
                    boolean orderDone = applied.order().status().isTerminal();
                    return engine.position(positionId)
                            .<PositionEntity.PositionUpdated>ask(r -> new PositionEntity.ApplyFill(fill, r), timeout)
                            .thenCompose(updated -> engine.account()
                                    .<AccountEntity.FillBooked>ask(r -> new AccountEntity.BookFill(fill, updated.position().quantity(), orderDone, r), timeout))
                            .thenApply(booked -> null);
                });
    }
}
