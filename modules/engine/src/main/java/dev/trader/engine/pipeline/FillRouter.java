package dev.trader.engine.pipeline;

import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.order.Fill;
import dev.trader.domain.port.FillListener;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.position.ExitPlan;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.position.PositionEntity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a venue's fill: Order (by client order id) → Position → Account. Every stage
 * recognises a trade id it has seen, and a fill the order already had is still passed on, so a
 * delivery interrupted by a crash is completed by the next delivery of the same fill. A child of a
 * parent order fills its own Order entity and the parent's position; the account, which approved
 * the parent and knows nothing of its children, books the fill under the parent's id (read from
 * the child's: {@link ChildOrderIds}), so the parent's open order shrinks with every child's fill.
 */
public final class FillRouter implements FillListener {
    private static final Logger LOG = LoggerFactory.getLogger(FillRouter.class);
    private final Engine engine;
    private final Duration timeout;
    private final ExitOrders exitOrders;
    private volatile java.util.function.Consumer<Fill> unknownOrderFills = f -> { };

    public FillRouter(Engine engine) {
        this.engine = engine;
        this.timeout = engine.settings().askTimeout();
        this.exitOrders = new ExitOrders(engine);
    }

    /** Told of every fill for a client order id our journal does not know (the reconciliation reports them). */
    public FillRouter onUnknownOrderFill(java.util.function.Consumer<Fill> listener) {
        this.unknownOrderFills = listener;
        return this;
    }

    /**
     * The fill left the position holding what no trade manages (an exit beyond the holding, or one
     * that filled after its trade ended, when a cancel lost the race): it is closed at market now,
     * not at the next bar, since a closed position is not the one the next bar manages. Not while
     * the kill switch holds orders.
     */
    private CompletionStage<Void> closeRemainder(String positionId, Fill fill) {
        return RetryingRef.barPath(engine.account()).<AccountState>ask(AccountEntity.GetStatus::new, timeout).thenCompose(account -> {
            if (account.killSwitch()) {
                LOG.warn("position {} holds a remainder after fill {}: the kill switch holds its exit", positionId, fill.tradeId());
                return CompletableFuture.completedFuture(null);
            }
            LOG.warn("position {} holds a remainder no trade manages after fill {}: closing it at market", positionId, fill.tradeId());
            return RetryingRef.barPath(engine.position(positionId)).<ExitPlan>ask(r -> new PositionEntity.PlanExits(fill.time(), fill.price(), r), timeout)
                    .thenCompose(plan -> exitOrders.carryOut(positionId, plan));
        });
    }

    @Override
    public CompletionStage<Void> onFill(Fill fill) {
        return RetryingRef.barPath(engine.order(fill.clientOrderId()))
                .<OrderEntity.FillApplied>ask(r -> new OrderEntity.ApplyFill(fill, r), timeout)
                .thenCompose(applied -> {
                    if (!applied.known()) {
                        LOG.warn("fill {} for unknown order {}: left for reconciliation", fill.tradeId(), fill.clientOrderId());
                        unknownOrderFills.accept(fill);
                        return CompletableFuture.completedFuture(null);
                    }
                    String positionId = applied.order().positionId();
                    Optional<ClientOrderId> parent = ChildOrderIds.parentOf(fill.clientOrderId());
                    Fill forAccount = parent.map(p -> asParents(fill, p)).orElse(fill);
                    // A child's end is not its parent's: the parent releases what is left when it ends.
                    boolean orderDone = parent.isEmpty() && applied.order().status().isTerminal();
                    return RetryingRef.barPath(engine.position(positionId))
                            .<PositionEntity.PositionUpdated>ask(r -> new PositionEntity.ApplyFill(fill, r), timeout)
                            .thenCompose(updated -> RetryingRef.barPath(engine.account())
                                    .<AccountEntity.FillBooked>ask(r -> new AccountEntity.BookFill(forAccount, updated.position().quantity(), orderDone, r), timeout)
                                    .thenCompose(booked -> {
                                        logBooked(fill, applied, updated, booked);
                                        return updated.remainder() ? closeRemainder(positionId, fill) : CompletableFuture.completedFuture(null);
                                    }))
                            .thenApply(booked -> null);
                });
    }

    /** The last stage of the fill's decision chain, once (a fill delivered again is booked once and logged once). */
    private static void logBooked(Fill fill, OrderEntity.FillApplied applied, PositionEntity.PositionUpdated updated, AccountEntity.FillBooked booked) {
        if (!booked.booked()) {
            return;
        }
        LogScope.run(applied.order().trace(), () -> LOG.info("fill {} of order {} booked: {} {} {} at {}, fee {}; position {} holds {}, cash {}",
                fill.tradeId(), fill.clientOrderId(), fill.side(), fill.quantity(), fill.instrument(), fill.price(), fill.fee(),
                applied.order().positionId(), updated.position().quantity(), booked.cashAfter()));
    }

    /** The same trade, as the account books it: under the parent's client order id. */
    private static Fill asParents(Fill fill, ClientOrderId parent) {
        return new Fill(parent, fill.tradeId(), fill.instrument(), fill.side(), fill.price(), fill.quantity(), fill.fee(), fill.time());
    }
}
