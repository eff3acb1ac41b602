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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

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

    /**
     * {@code current} with {@code changes} over it, checked by building the strategy from them as
     * its configuration is checked: an unknown parameter or a value out of range is an
     * {@link IllegalArgumentException} naming it ({@code parameters.<name>}).
     */
    public Map<String, Object> merged(String id, Map<String, Object> current, Map<String, Object> changes) {
        StrategyBinding b = binding(id).orElseThrow();
        Map<String, Object> merged = new TreeMap<>(current);
        merged.putAll(changes);
        try {
            b.withParameters(merged);
        } catch (IllegalArgumentException e) {
            String owner = "strategies." + id + ".";
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(message.startsWith(owner) ? "parameters." + message.substring(owner.length()) : message, e);
        }
        return merged;
    }

    /** The configured parameters: what {@link #merged} would give with no change, before any operator's. */
    public Map<String, Object> configuredParameters(String id) {
        return binding(id).orElseThrow().parameters();
    }

    /**
     * Runs the strategy with {@code parameters} (from {@link #merged}) on every instrument, each
     * warmed on the bars it observed last; answers with the strategy after.
     */
    public CompletionStage<StrategyView> setParameters(String id, Map<String, Object> parameters) {
        StrategyBinding b = binding(id).orElseThrow();
        return viewWithStatus(b, r -> new StrategyEntity.SetParameters(parameters, r));
    }

    private Optional<StrategyBinding> binding(String id) {
        return engine.settings().strategies().stream().filter(b -> b.strategy().id().value().equals(id)).findFirst();
    }

    private CompletionStage<StrategyView> view(StrategyBinding b,
                                               Function<ActorRef<StrategyEntityState>, StrategyEntity.Command> command) {
        return markets(b, entity -> entity.<StrategyEntityState>ask(command::apply, timeout));
    }

    /** As {@link #view} for a command answered with a status: a refusal fails the answer with its reason. */
    private CompletionStage<StrategyView> viewWithStatus(StrategyBinding b,
                                                         Function<ActorRef<StatusReply<StrategyEntityState>>, StrategyEntity.Command> command) {
        // Rebuilding and warming the strategy reads its last bars back from the journal: longer than a plain ask.
        return markets(b, entity -> entity.<StrategyEntityState>askWithStatus(command::apply, timeout.multipliedBy(4)));
    }

    private CompletionStage<StrategyView> markets(StrategyBinding b, Function<EntityRef<StrategyEntity.Command>, CompletionStage<StrategyEntityState>> ask) {
        List<CompletableFuture<StrategyView.Market>> markets = new ArrayList<>();
        for (InstrumentId instrument : b.instruments()) {
            markets.add(ask.apply(engine.strategy(new StrategyEntityId(b.strategy().id(), instrument)))
                    .thenApply(s -> new StrategyView.Market(instrument.value(), s.enabled(), s.minConfidence().toPlainString(),
                            new TreeMap<>(s.parameters() == null ? b.parameters() : s.parameters()),
                            s.parameters() != null && !s.parameters().equals(b.parameters()),
                            s.barsSeen(), s.signalCount(), s.watermark() == null ? null : s.watermark().toString()))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(markets.toArray(CompletableFuture[]::new)).thenApply(v -> new StrategyView(b.strategy().id().value(), b.type(),
                b.strategy().timeframes().stream().sorted().map(Timeframe::label).toList(), new TreeMap<>(b.parameters()),
                markets.stream().map(CompletableFuture::join).toList()));
    }
}
