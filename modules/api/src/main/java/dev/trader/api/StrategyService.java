package dev.trader.api;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.engine.Engine;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.strategy.StrategyEntity;
import dev.trader.engine.strategy.StrategyEntityId;
import dev.trader.engine.strategy.StrategyEntityState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The strategies as operators see and steer them: one Strategy entity per strategy and instrument,
 * so starting, stopping or setting a threshold goes to each of the strategy's instruments.
 */
public final class StrategyService {
    private final Engine engine;
    private final Duration timeout;

    public StrategyService(Engine engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    public List<String> ids() {
        return engine.settings().strategies().stream().map(b -> b.strategy().id().value()).toList();
    }

    public CompletionStage<List<StrategyView>> list() {
        List<CompletableFuture<StrategyView>> views = engine.settings().strategies().stream()
                .map(b -> view(b, StrategyEntity.GetStatus::new).toCompletableFuture()).toList();
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(v -> views.stream().map(CompletableFuture::join).toList());
    }

    public CompletionStage<Optional<StrategyView>> get(String id) {
        return binding(id).map(b -> view(b, StrategyEntity.GetStatus::new).thenApply(Optional::of))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    /** Starts ({@code true}) or stops the strategy on every instrument; answers with the strategy after. */
    public CompletionStage<StrategyView> setEnabled(String id, boolean enabled) {
        return view(binding(id).orElseThrow(), r -> new StrategyEntity.SetEnabled(enabled, r));
    }

    /** The confidence (0..1) a signal of the strategy needs to be raised, on every instrument. */
    public CompletionStage<StrategyView> setThreshold(String id, BigDecimal minConfidence) {
        return view(binding(id).orElseThrow(), r -> new StrategyEntity.SetThreshold(minConfidence, r));
    }

    private Optional<StrategyBinding> binding(String id) {
        return engine.settings().strategies().stream().filter(b -> b.strategy().id().value().equals(id)).findFirst();
    }

    private CompletionStage<StrategyView> view(StrategyBinding b,
                                               Function<org.apache.pekko.actor.typed.ActorRef<StrategyEntityState>, StrategyEntity.Command> command) {
        List<CompletableFuture<StrategyView.Market>> markets = new ArrayList<>();
        for (InstrumentId instrument : b.instruments()) {
            markets.add(engine.strategy(new StrategyEntityId(b.strategy().id(), instrument)).<StrategyEntityState>ask(command::apply, timeout)
                    .thenApply(s -> new StrategyView.Market(instrument.value(), s.enabled(), s.minConfidence().toPlainString(), s.barsSeen(),
                            s.signalCount(), s.watermark() == null ? null : s.watermark().toString()))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(markets.toArray(CompletableFuture[]::new)).thenApply(v -> new StrategyView(b.strategy().id().value(),
                b.strategy().timeframes().stream().sorted().map(Timeframe::label).toList(), markets.stream().map(CompletableFuture::join).toList()));
    }
}
