package dev.trader.engine.pipeline;

import dev.trader.engine.metrics.BarArrivals;
import java.time.Clock;
import dev.trader.domain.cost.QuotedSpreads;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.port.SimulatedVenue;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.position.ExitPlan;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.account.Observation;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.strategy.StrategyEntity;
import dev.trader.engine.strategy.StrategyEntityId;
import java.time.Duration;
import dev.trader.domain.id.InstrumentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of one closed bar, in one place, in two parts.
 *
 * <p>Market part, per instrument: Instrument (watermark) → every Strategy on the instrument at
 * once (each is its own entity) → their signals in configuration order. Bars of different
 * instruments may run this part at the same time.
 *
 * <p>Account part, strictly in feed order across all instruments: simulated venue (orders
 * decided before this bar fill at its open, and the fills are booked) → Account observes the
 * bar's close (prop-firm model: marks, day roll, floors; a flatten's cancels and exits go out
 * here) → working parent orders step (their children placed, or cancelled at the end of their
 * slice) → Account (risk decision per signal, with the bar's ATR for stops) → Order (journal,
 * then send; a large entry under {@code trader.execution.algo} starts a parent order instead,
 * whose first child goes out now). Everything that reads or moves cash and exposure
 * happens here, one bar after the other, so the outcome does not depend on timing: the same
 * bars give the same books on every run, and feeding the same bars again changes nothing,
 * since each stage recognises what it has already done.
 *
 * <p>{@link #process} must be called in feed order from one thread (a stream stage does); the
 * returned stage completes when everything the bar caused is persisted.
 */
public final class BarPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(BarPipeline.class);
    private final Engine engine;
    private final SimulatedVenue venue;
    private final Duration timeout;
    private final ExitOrders exitOrders;
    private final ParentOrders parents;
    private final BarArrivals arrivals;
    /** Completes when the account part of the previous bar has finished. */
    private CompletableFuture<Void> accountTurn = CompletableFuture.completedFuture(null);
    /** The market part of the latest bar handed in, per instrument. */
    private final Map<InstrumentId, CompletableFuture<?>> instrumentTurns = new HashMap<>();

    /** {@code venue} may be null for a live venue, whose fills arrive on their own. No spreads are known: every child goes at market. */
    public BarPipeline(Engine engine, SimulatedVenue venue) {
        this(engine, venue, QuotedSpreads.NONE);
    }

    /** {@code spreads}: the quoted spreads the children of parent orders are routed by (limit at the touch when wide). */
    public BarPipeline(Engine engine, SimulatedVenue venue, QuotedSpreads spreads) {
        this.engine = engine;
        this.venue = venue;
        this.timeout = engine.settings().askTimeout();
        this.exitOrders = new ExitOrders(engine);
        this.parents = new ParentOrders(engine, spreads, this::entryEnded);
        this.arrivals = new BarArrivals(Clock.systemUTC(), engine.settings().instruments().keySet());
    }

    /** When each instrument's latest bar came in (wall clock): the data freshness the health checks, metrics and alerts report. */
    public BarArrivals arrivals() {
        return arrivals;
    }

    public CompletionStage<BarOutcome> process(Bar bar) {
        arrivals.arrived(bar.instrument().value());
        CompletableFuture<Void> previousTurn = accountTurn;
        CompletableFuture<Void> myTurn = new CompletableFuture<>();
        accountTurn = myTurn;
        // One bar at a time per instrument: this bar's market part starts after the previous bar's
        // of the same instrument (whatever became of it).
        CompletableFuture<?> previousOfInstrument = instrumentTurns.getOrDefault(bar.instrument(), CompletableFuture.completedFuture(null));
        CompletableFuture<Market> marketPart = previousOfInstrument.exceptionally(e -> null)
                .thenCompose(v -> RetryingRef.barPath(engine.instrument(bar.instrument()))
                        .<InstrumentEntity.BarIngested>ask(r -> new InstrumentEntity.IngestBar(bar, r), timeout)
                        .thenCombine(evaluateStrategies(bar), (ingested, signals) -> new Market(ingested.accepted(), signals, ingested.atr())));
        instrumentTurns.put(bar.instrument(), marketPart);
        CompletableFuture<BarOutcome> outcome = marketPart
                // The account part waits for the previous bar's even if this bar's market part failed,
                // so that one failure cannot leave the bars after it waiting forever.
                .thenCombine(previousTurn.exceptionally(e -> null), (market, ignored) -> market)
                .thenCompose(market -> parents.recover()
                        .thenCompose(v -> {
                            parents.onBar(bar);
                            return fills(bar);
                        })
                        .thenCompose(v -> observe(bar))
                        .thenCompose(observation -> parents.advance(bar).thenApply(v -> observation))
                        .thenCompose(observation -> manage(bar, market, observation))
                        .thenCompose(v -> decide(bar, market.signals(), market.atr(), 0, new ArrayList<>()))
                        .thenApply(decisions -> new BarOutcome(bar, market.accepted(), market.signals().size(), decisions)));
        outcome.whenComplete((o, e) -> myTurn.complete(null));
        return outcome;
    }

    private record Market(boolean accepted, List<Signal> signals, Price atr) {
    }

    private CompletionStage<Void> fills(Bar bar) {
        return venue == null ? CompletableFuture.completedFuture(null) : venue.onBar(bar);
    }

    /**
     * The account sees the bar's close after its fills and before its signals (prop-firm model
     * only: the flat model keeps no marks). While a flatten is under way, the entries still open
     * are cancelled and the account's reduce-only exits placed, one after the other.
     */
    private CompletionStage<Observation> observe(Bar bar) {
        if (!engine.settings().risk().propFirmModel()) {
            return CompletableFuture.completedFuture(Observation.NONE);
        }
        return RetryingRef.barPath(engine.account())
                .<Observation>ask(r -> new AccountEntity.ObserveBar(bar.instrument(), bar.close(), bar.closeTime(), r), timeout)
                .thenCompose(o -> inTurn(o.cancel(), id -> cancelEntry(id, bar)).thenCompose(v -> placeFlattenExits(o.place(), bar))
                        .thenApply(v -> o));
    }

    /** A flatten's exits, each decided at the account's mark of its instrument (what the risk rules saw). */
    private CompletionStage<Void> placeFlattenExits(List<IntentDecision> exits, Bar bar) {
        if (exits.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return RetryingRef.barPath(engine.account()).<AccountState>ask(AccountEntity.GetStatus::new, timeout)
                .thenCompose(account -> inTurn(exits, d -> place(d, bar, FlattenMarks.of(account, d.instrument()))));
    }

    /**
     * The in-trade manager's close of the bar for the instrument's position: its exit orders are
     * placed, moved and cancelled as it says, unless the kill switch holds its owner's orders (then
     * whatever already rests stays, and the change waits for the switch to go off). While a parent
     * order still buys into the position, the manager waits: its trade opens at the average price
     * of the whole entry at the first bar after the last child (the protective stop rests meanwhile).
     */
    private CompletionStage<Void> manage(Bar bar, Market market, Observation observation) {
        String positionId = observation.positionId();
        if (!engine.settings().inTradeManagement() || positionId == null || parents.workingOn(positionId)) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> shorts = market.signals().stream().filter(s -> s.direction() == SignalDirection.SHORT).map(s -> s.strategy().value()).toList();
        return RetryingRef.barPath(engine.position(positionId))
                .<ExitPlan>ask(r -> new PositionEntity.ManageBar(bar, market.atr(), shorts, r), timeout)
                .thenCompose(plan -> {
                    if (observation.ordersBlocked() && !plan.isEmpty()) {
                        LOG.warn("kill switch: exit orders of position {} held at {} ({} to place, {} to cancel)", positionId, bar.closeTime(),
                                plan.place().size(), plan.cancel().size());
                        return CompletableFuture.completedFuture(null);
                    }
                    return exits(positionId, plan);
                });
    }

    private CompletionStage<Void> exits(String positionId, ExitPlan plan) {
        return exitOrders.carryOut(positionId, plan);
    }

    /**
     * Cancels an entry order at the venue; a cancelled one is released by the account. One that filled meanwhile is flattened next bar.
     * A parent order stops and cancels its working child; it is released when it ends.
     */
    private CompletionStage<?> cancelEntry(String clientOrderId, Bar bar) {
        if (parents.isParent(clientOrderId)) {
            return parents.cancel(clientOrderId, "flatten after a floor", bar);
        }
        return RetryingRef.barPath(engine.order(new ClientOrderId(clientOrderId)))
                .<OrderState>ask(r -> new OrderEntity.Cancel("flatten after a floor", r), timeout)
                .thenCompose(order -> order.exists() && order.status() == OrderStatus.CANCELLED
                        ? RetryingRef.barPath(engine.account()).<AccountState>ask(r -> new AccountEntity.CloseOrder(clientOrderId, "CANCELLED: flatten", r), timeout)
                                .thenCompose(s -> engine.settings().inTradeManagement() && order.positionId() != null
                                        ? dropProtection(order.positionId(), "CANCELLED: flatten") : CompletableFuture.completedFuture(null))
                                .thenApply(s -> order)
                        : CompletableFuture.completedFuture(order));
    }

    /** An entry that ended unfilled takes its protective stop with it: the position drops it and its plan cancels the order. */
    private CompletionStage<Void> dropProtection(String positionId, String reason) {
        return RetryingRef.barPath(engine.position(positionId))
                .<ExitPlan>ask(r -> new PositionEntity.DropProtection(reason, r), timeout)
                .thenCompose(plan -> exits(positionId, plan));
    }

    private static <T> CompletionStage<Void> inTurn(List<T> items, Function<T, CompletionStage<?>> step) {
        return ExitOrders.inTurn(items, step);
    }

    /** All strategies of the instrument at once; the signals in configuration order. */
    private CompletableFuture<List<Signal>> evaluateStrategies(Bar bar) {
        List<StrategyBinding> bindings = engine.settings().strategiesOn(bar.instrument());
        List<CompletableFuture<StrategyEntity.BarEvaluated>> asks = new ArrayList<>(bindings.size());
        for (StrategyBinding b : bindings) {
            StrategyEntityId id = new StrategyEntityId(b.strategy().id(), bar.instrument());
            asks.add(RetryingRef.barPath(engine.strategy(id)).<StrategyEntity.BarEvaluated>ask(r -> new StrategyEntity.EvaluateBar(bar, r), timeout)
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Signal> signals = new ArrayList<>();
            asks.forEach(a -> a.join().maybeSignal().ifPresent(signals::add));
            return signals;
        });
    }

    private CompletionStage<List<IntentDecision>> decide(Bar bar, List<Signal> signals, Price atr, int i, List<IntentDecision> out) {
        if (i == signals.size()) {
            return CompletableFuture.completedFuture(out);
        }
        Signal signal = signals.get(i);
        return RetryingRef.barPath(engine.account())
                .<IntentDecision>ask(r -> new AccountEntity.EvaluateSignal(signal, atr, r), timeout)
                .thenCompose(decision -> {
                    out.add(decision);
                    if (!decision.approved()) {
                        if (decision.outcome() == IntentDecision.Outcome.REJECTED) {
                            LOG.info("intent rejected by {}: {} ({} {})", decision.rule(), decision.reason(), signal.instrument(), signal.time());
                        }
                        return decide(bar, signals, atr, i + 1, out);
                    }
                    // An exit stops the parent orders still buying into the instrument before it goes.
                    CompletionStage<Void> stopped = decision.request().reduceOnly()
                            ? parents.cancelOn(bar.instrument(), "exit " + decision.clientOrderId() + " decided", bar)
                            : CompletableFuture.completedFuture(null);
                    return stopped.thenCompose(v -> place(decision, bar, signal.price())).thenCompose(sent -> decide(bar, signals, atr, i + 1, out));
                });
    }

    /**
     * An approved order. An entry with a protective stop (in-trade management on) is protected
     * first: the position journals the stop, the entry goes out, then the stop (reduce-only, so it
     * rests from the entry's own bar and cannot trade before the entry has filled).
     * {@code decisionPrice} is the price the decision saw, which the order's slippage is measured against.
     */
    private CompletionStage<Sent> place(IntentDecision decision, Bar bar, Price decisionPrice) {
        if (parents.isParent(decision.clientOrderId())) {
            // A decision seen again while its parent order works (a replay after a restart): its stop has rested since the
            // decision and the position may be open, so neither the second clamp nor the exit plan applies; the parent only
            // makes sure of its working child.
            return parents.start(decision, bar).thenApply(working -> new Sent(working, "parent order ended unfilled"));
        }
        Price stop = decision.protectiveStop();
        if (!engine.settings().inTradeManagement() || stop == null) {
            return send(decision, bar, decisionPrice);
        }
        OrderRequest entry = decision.request();
        return RetryingRef.barPath(engine.position(decision.positionId()))
                .<ExitPlan>ask(r -> new PositionEntity.Protect(stop, entry.quantity(), entry.strategy().value(), entry.decisionTime(), r), timeout)
                .thenCompose(plan -> send(decision, bar, decisionPrice).thenCompose(sent -> {
                    if (sent.working()) {
                        return exits(decision.positionId(), plan).thenApply(v -> sent);
                    }
                    // Never sent, or ended unfilled: the stop goes with it.
                    return dropProtection(decision.positionId(), sent.reason()).thenApply(v -> sent);
                }));
    }

    /** Whether an entry is on its way or bought something ({@code working}), or why not. */
    private record Sent(boolean working, String reason) {
        static Sent of(OrderState order) {
            return order.exists() ? new Sent(!(order.status().isTerminal() && order.filledQuantity().isZero()), order.status() + ": " + order.lastReason())
                    : new Sent(false, "not sent");
        }
    }

    /** The account's second clamp, then the order (or the parent order of a large entry); a blocked order is never sent. */
    private CompletionStage<Sent> send(IntentDecision decision, Bar bar, Price decisionPrice) {
        return RetryingRef.barPath(engine.account())
                .<AccountEntity.Rechecked>ask(r -> new AccountEntity.RecheckOrder(decision.request(), r), timeout)
                .thenCompose(check -> {
                    if (!check.send()) {
                        return RetryingRef.barPath(engine.order(decision.request().clientOrderId())).<OrderState>ask(OrderEntity.GetOrder::new, timeout).thenApply(Sent::of);
                    }
                    if (parents.slices(decision, bar)) {
                        return parents.start(decision, bar).thenApply(working -> new Sent(working, "parent order ended unfilled"));
                    }
                    return sendOrder(decision, decisionPrice).thenApply(Sent::of);
                });
    }

    /** A parent order is over: the account releases what it still reserves for it; one that bought nothing takes its protective stop with it. */
    private CompletionStage<Void> entryEnded(String clientOrderId, String positionId, boolean filledAny, String reason) {
        return RetryingRef.barPath(engine.account()).<AccountState>ask(r -> new AccountEntity.CloseOrder(clientOrderId, reason, r), timeout)
                .thenCompose(s -> engine.settings().inTradeManagement() && !filledAny && positionId != null
                        ? dropProtection(positionId, reason) : CompletableFuture.completedFuture(null));
    }

    private CompletionStage<OrderState> sendOrder(IntentDecision decision, Price decisionPrice) {
        return RetryingRef.barPath(engine.order(decision.request().clientOrderId()))
                .<OrderState>ask(r -> new OrderEntity.Place(decision.request(), decision.positionId(), decisionPrice, r), timeout)
                .thenCompose(order -> {
                    if (order.exists() && order.status().isTerminal() && order.filledQuantity().isZero()) {
                        return RetryingRef.barPath(engine.account())
                                .<AccountState>ask(r -> new AccountEntity.CloseOrder(
                                        decision.clientOrderId(), order.status() + ": " + order.lastReason(), r), timeout)
                                .thenApply(s -> order);
                    }
                    return CompletableFuture.completedFuture(order);
                });
    }
}
