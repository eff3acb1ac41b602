package dev.trader.engine.pipeline;

import dev.trader.domain.cost.QuotedSpreads;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.account.OpenOrder;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.ChildReport;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.order.ParentBar;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.order.ParentSpec;
import dev.trader.engine.order.ParentStatus;
import dev.trader.engine.order.ParentStep;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bar pipeline's side of parent orders: starts them, steps the working ones at every bar of
 * their instrument and carries out what they answer (place the child they journaled, cancel the
 * one whose slice ended and step again), and stops them when their position is closed, an exit is
 * decided, or a flatten cancels entries. Which parents are working is kept in memory and recovered,
 * before the first bar this pipeline handles, from the account's open orders (an approved parent
 * stays open there until its children filled it or it ended), so a restart resumes every parent.
 */
final class ParentOrders {
    private static final Logger LOG = LoggerFactory.getLogger(ParentOrders.class);
    /** A cancelled child whose venue refused the cancel is tried again next bar, not in a loop. */
    private static final int CANCELS_PER_STEP = 1;

    /** What the pipeline does when a parent is over: release what the account still reserves for it, and its stop if it never filled. */
    @FunctionalInterface
    interface EntryEnded {
        CompletionStage<Void> ended(String clientOrderId, String positionId, boolean filledAny, String reason);
    }

    private record Working(InstrumentId instrument, String positionId, String strategy) {
    }

    private final Engine engine;
    private final Duration timeout;
    private final ParentSpecs specs;
    private final QuotedSpreads spreads;
    private final EntryEnded entryEnded;
    private final Map<String, Working> working = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Void> recovered;

    ParentOrders(Engine engine, QuotedSpreads spreads, EntryEnded entryEnded) {
        this.engine = engine;
        this.timeout = engine.settings().askTimeout();
        this.specs = new ParentSpecs(engine.settings().algo(), engine.settings().instruments());
        this.spreads = spreads;
        this.entryEnded = entryEnded;
    }

    /** Every bar, in feed order: the VWAP's volume profiles learn from it. */
    void onBar(Bar bar) {
        specs.onBar(bar);
    }

    boolean slices(IntentDecision decision, Bar bar) {
        return specs.slices(decision, bar);
    }

    boolean isParent(String clientOrderId) {
        return working.containsKey(clientOrderId);
    }

    /** Whether a parent still buys into {@code positionId}: its in-trade manager waits until the entry is complete. */
    boolean workingOn(String positionId) {
        return working.values().stream().anyMatch(w -> w.positionId().equals(positionId));
    }

    /** Once, before the first bar: the parents the account still holds open, as the journal has them. */
    CompletionStage<Void> recover() {
        CompletableFuture<Void> r = recovered;
        if (r != null && !r.isCompletedExceptionally()) {
            return r;
        }
        r = RetryingRef.barPath(engine.account()).<AccountState>ask(AccountEntity.GetStatus::new, timeout).toCompletableFuture()
                .thenCompose(account -> ExitOrders.inTurn(account.openOrders().values().stream().filter(OpenOrder::entry)
                        .map(OpenOrder::clientOrderId).sorted().toList(), id -> RetryingRef.barPath(engine.parentOrder(new ClientOrderId(id)))
                        .<ParentOrderState>ask(ParentOrderEntity.GetParent::new, timeout)
                        .thenCompose(p -> {
                            if (!p.exists()) {
                                return CompletableFuture.completedFuture(null);
                            }
                            if (p.status().isOver()) {
                                // Ended, but stopped before the account released it.
                                return finish(p);
                            }
                            register(p.spec());
                            LogScope.run(TraceId.ofOrder(new ClientOrderId(id)), () -> LOG.info("parent order {} resumes: {} of {} filled in {} child order(s)",
                                    id, p.filled(), p.quantity(), p.children().size()));
                            return CompletableFuture.completedFuture(null);
                        })))
                .toCompletableFuture();
        recovered = r;
        return r;
    }

    /**
     * Starts the parent of an approved entry at {@code bar}'s close and places its first child.
     * Completes with whether the entry is still on its way or bought anything (false: it ended
     * unfilled, and its protective stop can go).
     */
    CompletionStage<Boolean> start(IntentDecision decision, Bar bar) {
        ParentSpec spec = specs.specFor(decision, bar);
        register(spec);
        return RetryingRef.barPath(engine.parentOrder(spec.parent().clientOrderId()))
                .<ParentStep>ask(r -> new ParentOrderEntity.Start(spec, parentBar(bar, false), r), timeout)
                .thenCompose(step -> carryOut(step, bar, false, CANCELS_PER_STEP))
                .thenApply(p -> !p.status().isOver() || !p.filled().isZero());
    }

    /** Steps every working parent of {@code bar}'s instrument, one after the other. */
    CompletionStage<Void> advance(Bar bar) {
        List<String> ids = idsOn(bar.instrument());
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return RetryingRef.barPath(engine.account()).<AccountState>ask(AccountEntity.GetStatus::new, timeout)
                .thenCompose(account -> ExitOrders.inTurn(ids, id -> advanceOne(id, bar, account)));
    }

    /** Stops every working parent of {@code instrument} (an exit of its position was decided). */
    CompletionStage<Void> cancelOn(InstrumentId instrument, String reason, Bar bar) {
        return ExitOrders.inTurn(idsOn(instrument), id -> cancel(id, reason, bar));
    }

    /** Stops a parent: nothing new goes out, its working child is cancelled, and it ends. */
    CompletionStage<Void> cancel(String parentId, String reason, Bar bar) {
        return RetryingRef.barPath(engine.parentOrder(new ClientOrderId(parentId)))
                .<ParentOrderState>ask(r -> new ParentOrderEntity.Cancel(reason, r), timeout)
                .thenCompose(p -> {
                    if (!p.exists()) {
                        working.remove(parentId);
                        return CompletableFuture.completedFuture(null);
                    }
                    return step(p, bar, false);
                })
                .thenApply(p -> null);
    }

    private List<String> idsOn(InstrumentId instrument) {
        return working.entrySet().stream().filter(e -> e.getValue().instrument().equals(instrument)).map(Map.Entry::getKey).sorted().toList();
    }

    private CompletionStage<Void> advanceOne(String parentId, Bar bar, AccountState account) {
        Working w = working.get(parentId);
        if (w == null) {
            return CompletableFuture.completedFuture(null);
        }
        // The kill switch and a reconciliation hold on the instrument both stop a parent from buying on (it waits, as a held entry would).
        boolean held = account.killSwitch() || account.risk().killedStrategies().contains(w.strategy())
                || account.reconciliationHolds().containsKey(w.instrument().value());
        return RetryingRef.barPath(engine.position(w.positionId())).<PositionState>ask(PositionEntity.GetPosition::new, timeout)
                .thenCompose(position -> {
                    if (position.isClosed()) {
                        // Its stop or an exit closed what the first children bought: buying on would open a trade nobody decided.
                        return RetryingRef.barPath(engine.parentOrder(new ClientOrderId(parentId))).<ParentOrderState>ask(
                                r -> new ParentOrderEntity.Cancel("position " + w.positionId() + " closed", r), timeout);
                    }
                    return RetryingRef.barPath(engine.parentOrder(new ClientOrderId(parentId))).<ParentOrderState>ask(ParentOrderEntity.GetParent::new, timeout);
                })
                .thenCompose(p -> {
                    if (!p.exists()) {
                        working.remove(parentId);
                        return CompletableFuture.completedFuture(p);
                    }
                    return step(p, bar, held);
                })
                .thenApply(p -> null);
    }

    /** One step of a parent at {@code bar}: what its working child did (made sure of, placed if it never was), then the parent's answer carried out. */
    private CompletionStage<ParentOrderState> step(ParentOrderState parent, Bar bar, boolean held) {
        if (parent.status().isOver()) {
            return finish(parent);
        }
        ChildOrder child = parent.workingChild();
        CompletionStage<ChildReport> report;
        if (child == null) {
            report = CompletableFuture.completedFuture(null);
        } else if (held || parent.status() == ParentStatus.CANCELLING) {
            // Nothing is sent while the kill switch holds the orders or the parent stops: only asked.
            report = RetryingRef.barPath(engine.order(child.request().clientOrderId())).<OrderState>ask(OrderEntity.GetOrder::new, timeout)
                    .thenApply(o -> reportOf(child, o));
        } else {
            report = RetryingRef.barPath(engine.order(child.request().clientOrderId()))
                    .<OrderState>ask(r -> new OrderEntity.Place(child.request(), parent.spec().positionId(), parent.spec().reference(), r), timeout)
                    .thenApply(ChildReport::of);
        }
        return report.thenCompose(rep -> engine.parentOrder(new ClientOrderId(parent.parentId()))
                        .<ParentStep>ask(r -> new ParentOrderEntity.Advance(parentBar(bar, held), rep, r), timeout))
                .thenCompose(s -> carryOut(s, bar, held, CANCELS_PER_STEP));
    }

    private CompletionStage<ParentOrderState> carryOut(ParentStep step, Bar bar, boolean held, int cancelsLeft) {
        ParentOrderState parent = step.parent();
        return switch (step.action()) {
            case PLACE -> RetryingRef.barPath(engine.order(step.child().request().clientOrderId()))
                    .<OrderState>ask(r -> new OrderEntity.Place(step.child().request(), parent.spec().positionId(), parent.spec().reference(), r), timeout)
                    .thenApply(o -> parent);
            case CANCEL -> cancelsLeft == 0 ? CompletableFuture.completedFuture(parent)
                    : RetryingRef.barPath(engine.order(step.child().request().clientOrderId()))
                            .<OrderState>ask(r -> new OrderEntity.Cancel(cancelReason(parent), r), timeout)
                            .thenCompose(o -> parent.status() != ParentStatus.CANCELLING
                                    // A slice ended: the next child is sized at the next bar, from what the cancelled one filled by
                                    // then. Sized now, a fill still on its way (it traded before the cancel landed) would be bought again.
                                    ? CompletableFuture.completedFuture(parent)
                                    : engine.parentOrder(new ClientOrderId(parent.parentId()))
                                            .<ParentStep>ask(r -> new ParentOrderEntity.Advance(parentBar(bar, held), reportOf(step.child(), o), r), timeout)
                                            .thenCompose(next -> carryOut(next, bar, held, cancelsLeft - 1)));
            case DONE -> finish(parent);
            case WAIT -> CompletableFuture.completedFuture(parent);
        };
    }

    private static String cancelReason(ParentOrderState parent) {
        return parent.status() == ParentStatus.CANCELLING ? "parent cancelling: " + parent.note() : "slice ended: the rest goes with the next";
    }

    /** An order that was never placed (journaled by the parent, lost before the Order entity had it) never traded: it is over, unfilled. */
    private static ChildReport reportOf(ChildOrder child, OrderState order) {
        return order.exists() ? ChildReport.of(order) : new ChildReport(child.clientOrderId(), OrderStatus.CANCELLED, Quantity.ZERO);
    }

    private CompletionStage<ParentOrderState> finish(ParentOrderState parent) {
        working.remove(parent.parentId());
        return entryEnded.ended(parent.parentId(), parent.spec().positionId(), !parent.filled().isZero(), parent.status() + ": " + parent.note())
                .thenApply(v -> parent);
    }

    private void register(ParentSpec spec) {
        working.put(spec.parent().clientOrderId().value(), new Working(spec.parent().instrument(), spec.positionId(), spec.parent().strategy().value()));
    }

    private ParentBar parentBar(Bar bar, boolean held) {
        BigDecimal spread = spreads.spreadBps(bar.instrument(), bar.closeTime()).orElse(null);
        return ParentBar.of(bar, spread, held);
    }
}
