package dev.trader.engine.pipeline;

import dev.trader.domain.market.Bar;
import dev.trader.domain.port.SimulatedVenue;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.strategy.StrategyEntity;
import dev.trader.engine.strategy.StrategyEntityId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of one closed bar, in one place: simulated venue (fills at this bar's open) →
 * Instrument (watermark) → each Strategy (signal) → Account (risk decision) → Order (journal,
 * then send). The returned stage completes when all of it has been persisted, so feeding bars
 * one at a time gives the same result on every run, and feeding the same bars again changes
 * nothing: each stage recognises what it has already done.
 */
public final class BarPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(BarPipeline.class);
    private final Engine engine;
    private final SimulatedVenue venue;
    private final Duration timeout;

    /** {@code venue} may be null for a live venue, whose fills arrive on their own. */
    public BarPipeline(Engine engine, SimulatedVenue venue) {
        this.engine = engine;
        this.venue = venue;
        this.timeout = engine.settings().askTimeout();
    }

    public CompletionStage<BarOutcome> process(Bar bar) {
        CompletionStage<Void> fills = venue == null ? CompletableFuture.completedFuture(null) : venue.onBar(bar);
        return fills
                .thenCompose(v -> engine.instrument(bar.instrument())
                        .<InstrumentEntity.BarIngested>ask(r -> new InstrumentEntity.IngestBar(bar, r), timeout))
                .thenCompose(ingested -> evaluateStrategies(bar, engine.settings().strategiesOn(bar.instrument()), 0, new ArrayList<>())
                        .thenCompose(signals -> decide(signals, 0, new ArrayList<>())
                                .thenApply(decisions -> new BarOutcome(bar, ingested.accepted(), signals.size(), decisions))));
    }

    private CompletionStage<List<Signal>> evaluateStrategies(Bar bar, List<StrategyBinding> bindings, int i, List<Signal> out) {
        if (i == bindings.size()) {
            return CompletableFuture.completedFuture(out);
        }
        StrategyEntityId id = new StrategyEntityId(bindings.get(i).strategy().id(), bar.instrument());
        return engine.strategy(id)
                .<StrategyEntity.BarEvaluated>ask(r -> new StrategyEntity.EvaluateBar(bar, r), timeout)
                .thenCompose(evaluated -> {
                    evaluated.maybeSignal().ifPresent(out::add);
                    return evaluateStrategies(bar, bindings, i + 1, out);
                });
    }

    private CompletionStage<List<IntentDecision>> decide(List<Signal> signals, int i, List<IntentDecision> out) {
        if (i == signals.size()) {
            return CompletableFuture.completedFuture(out);
        }
        Signal signal = signals.get(i);
        return engine.account()
                .<IntentDecision>ask(r -> new AccountEntity.EvaluateSignal(signal, r), timeout)
                .thenCompose(decision -> {
                    out.add(decision);
                    if (!decision.approved()) {
                        if (decision.outcome() == IntentDecision.Outcome.REJECTED) {
                            LOG.info("intent rejected by {}: {} ({} {})", decision.rule(), decision.reason(), signal.instrument(), signal.time());
                        }
                        return decide(signals, i + 1, out);
                    }
                    return place(decision).thenCompose(order -> decide(signals, i + 1, out));
                });
    }

    private CompletionStage<OrderState> place(IntentDecision decision) {
        return engine.order(decision.request().clientOrderId())
                .<OrderState>ask(r -> new OrderEntity.Place(decision.request(), decision.positionId(), r), timeout)
                .thenCompose(order -> {
                    if (order.status().isTerminal() && order.filledQuantity().isZero()) {
                        return engine.account()
                                .<AccountState>ask(r -> new AccountEntity.CloseOrder(
                                        decision.clientOrderId(), order.status() + ": " + order.lastReason(), r), timeout)
                                .thenApply(s -> order);
                    }
                    return CompletableFuture.completedFuture(order);
                });
    }
}
