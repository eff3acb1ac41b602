package dev.trader.engine.strategy;

import dev.trader.domain.id.TraceId;
import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.settings.PersistenceTuning;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One strategy on one instrument. Each new bar is journaled as {@link BarObserved} (the
 * strategy's input), and a signal as {@link SignalEmitted}; the strategy's state is rebuilt by
 * running the same pure strategy code over the journaled bars, or restored from a snapshot.
 */
public final class StrategyEntity
        extends EventSourcedBehaviorWithEnforcedReplies<StrategyEntity.Command, StrategyEntity.Event, StrategyEntityState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Strategy");
    private static final Logger LOG = LoggerFactory.getLogger(StrategyEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    public record EvaluateBar(Bar bar, ActorRef<BarEvaluated> replyTo) implements Command {
    }

    public record SetEnabled(boolean enabled, ActorRef<StrategyEntityState> replyTo) implements Command {
    }

    /** Signals below this confidence (in [0, 1]) are not raised; 0 lets every one through. */
    public record SetThreshold(BigDecimal minConfidence, ActorRef<StrategyEntityState> replyTo) implements Command {
        public SetThreshold {
            if (minConfidence == null || minConfidence.signum() < 0 || minConfidence.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("minConfidence must be within [0, 1] but was " + minConfidence);
            }
        }
    }

    public record GetStatus(ActorRef<StrategyEntityState> replyTo) implements Command {
    }

    /**
     * Runs the strategy with these parameters from now on (already checked by building the
     * strategy from them: {@link dev.trader.engine.settings.StrategyBinding#withParameters}). The
     * new strategy starts from its initial state warmed on the bars this entity observed last, read
     * back from its journal, so it decides at once as if it had always run with them.
     */
    public record SetParameters(Map<String, Object> parameters, ActorRef<StatusReply<StrategyEntityState>> replyTo) implements Command {
        public SetParameters {
            parameters = Map.copyOf(parameters);
        }
    }

    /** The warm-up bars, read back from the journal (local to this entity: never sent between nodes). */
    record WarmUpRead(SetParameters request, List<Bar> bars, String failure, int attempt) implements Command {
    }

    /** {@code signal} is null when the bar raised none; {@code replayed} when the bar was seen before. */
    public record BarEvaluated(Signal signal, boolean replayed) implements CborSerializable {
        public Optional<Signal> maybeSignal() {
            return Optional.ofNullable(signal);
        }
    }

    public sealed interface Event extends CborSerializable {
    }

    public record BarObserved(Bar bar) implements Event {
    }

    public record SignalEmitted(Signal signal) implements Event {
    }

    public record Enabled() implements Event {
    }

    public record Disabled() implements Event {
    }

    /** An operator set the confidence a signal needs to be raised. */
    public record ThresholdSet(BigDecimal minConfidence) implements Event {
    }

    /**
     * An operator changed the strategy's parameters: the strategy is rebuilt from them and its
     * state starts afresh, warmed on {@code warmUp} (the last bars observed, oldest first), so a
     * recovery that replays this event rebuilds the same state.
     */
    public record ParametersSet(Map<String, Object> parameters, List<Bar> warmUp) implements Event {
    }

    /** Attempts to read a warm-up that ends at the entity's newest bar (one may arrive while it is read). */
    private static final int WARM_UP_ATTEMPTS = 3;

    private final StrategyEntityId id;
    private final ActorContext<Command> ctx;
    private final Strategy configured;
    private final StrategyRebuilds rebuilds;
    private final UnaryOperator<StrategyState> copier;
    private final PersistenceTuning tuning;
    /** The parameters {@link #built} was built for (null: none yet). */
    private Map<String, Object> builtFor;
    private Strategy built;

    private StrategyEntity(StrategyEntityId id, ActorContext<Command> ctx, Strategy configured, StrategyRebuilds rebuilds,
                           UnaryOperator<StrategyState> copier, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), id.value()), tuning.backoff());
        this.id = id;
        this.ctx = ctx;
        this.configured = configured;
        this.rebuilds = rebuilds;
        this.copier = copier;
        this.tuning = tuning;
    }

    /** A strategy whose parameters cannot be changed (SetParameters is refused). {@code copier}: see {@link StrategyStateCopier}. */
    public static Behavior<Command> create(StrategyEntityId id, Strategy strategy, UnaryOperator<StrategyState> copier,
                                           PersistenceTuning tuning) {
        return create(id, strategy, StrategyRebuilds.NONE, copier, tuning);
    }

    /** {@code rebuilds}: how the strategy is rebuilt with an operator's parameters and where its warm-up bars are read. */
    public static Behavior<Command> create(StrategyEntityId id, Strategy strategy, StrategyRebuilds rebuilds, UnaryOperator<StrategyState> copier,
                                           PersistenceTuning tuning) {
        return Behaviors.setup(ctx -> new StrategyEntity(id, ctx, strategy, rebuilds, copier, tuning));
    }

    @Override
    public StrategyEntityState emptyState() {
        return new StrategyEntityState(id.value(), true, null, configured.initialState(id.instrument()), 0, 0, List.of(), BigDecimal.ZERO, null);
    }

    /**
     * The strategy as configured, or as the operator's parameters in {@code state} rebuild it: built
     * once per parameters (this runs for every bar), so a refusal is also said once.
     */
    private Strategy strategy(StrategyEntityState state) {
        if (state.parameters() == null) {
            return configured;
        }
        if (!state.parameters().equals(builtFor)) {
            built = rebuilt(state.parameters()).orElse(configured);
            builtFor = state.parameters();
        }
        return built;
    }

    /**
     * The strategy built from journaled parameters, if this version still builds it: a release that
     * renames or narrows a parameter must not leave the entity unable to recover, so it then runs as
     * configured, said at ERROR.
     */
    private Optional<Strategy> rebuilt(Map<String, Object> parameters) {
        try {
            return Optional.of(rebuilds.strategy(parameters));
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("strategy {}: the operator's parameters {} no longer build it ({}); it runs as configured", id, parameters, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public CommandHandlerWithReply<Command, Event, StrategyEntityState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(EvaluateBar.class, this::onEvaluateBar)
                .onCommand(SetEnabled.class, this::onSetEnabled)
                .onCommand(SetThreshold.class, (state, cmd) -> state.minConfidence().compareTo(cmd.minConfidence()) == 0
                        ? Effect().reply(cmd.replyTo(), state)
                        : Effect().persist(new ThresholdSet(cmd.minConfidence())).thenReply(cmd.replyTo(), s -> s))
                .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(SetParameters.class, this::onSetParameters)
                .onCommand(WarmUpRead.class, this::onWarmUpRead)
                .build();
    }

    private ReplyEffect<Event, StrategyEntityState> onSetParameters(StrategyEntityState state, SetParameters cmd) {
        if (cmd.parameters().equals(state.parameters())) {
            return Effect().reply(cmd.replyTo(), StatusReply.success(state));
        }
        readWarmUp(cmd, 1);
        return Effect().noReply();
    }

    private void readWarmUp(SetParameters cmd, int attempt) {
        long through = lastSequenceNumber(ctx);
        ctx.pipeToSelf(rebuilds.warmUp(persistenceId().id(), through), (bars, e) ->
                new WarmUpRead(cmd, bars, e == null ? null : String.valueOf(e.getMessage()), attempt));
    }

    /** Applies the parameters once the warm-up read ends at the newest bar this entity observed. */
    private ReplyEffect<Event, StrategyEntityState> onWarmUpRead(StrategyEntityState state, WarmUpRead read) {
        ActorRef<StatusReply<StrategyEntityState>> replyTo = read.request().replyTo();
        if (read.failure() != null) {
            return Effect().reply(replyTo, StatusReply.error("the warm-up bars could not be read from the journal: " + read.failure()));
        }
        Instant newest = read.bars().isEmpty() ? null : read.bars().get(read.bars().size() - 1).openTime();
        if (!java.util.Objects.equals(newest, state.watermark())) {
            if (read.attempt() < WARM_UP_ATTEMPTS) {
                readWarmUp(read.request(), read.attempt() + 1);
                return Effect().noReply();
            }
            return Effect().reply(replyTo, StatusReply.error("bars kept arriving while the warm-up was read; try again"));
        }
        return Effect().persist(new ParametersSet(read.request().parameters(), read.bars()))
                .thenRun(s -> LOG.info("strategy {} runs with parameters {} from now on, warmed on {} bars", id, s.parameters(), read.bars().size()))
                .thenReply(replyTo, StatusReply::success);
    }

    private ReplyEffect<Event, StrategyEntityState> onEvaluateBar(StrategyEntityState state, EvaluateBar cmd) {
        Bar bar = cmd.bar();
        if (state.isDuplicate(bar)) {
            return Effect().reply(cmd.replyTo(), new BarEvaluated(state.signalAt(bar).orElse(null), true));
        }
        // Decide on a copy: the state itself changes only in the event handler, after the persist.
        StrategyState next = copier.apply(state.strategyState());
        Optional<Signal> raised = strategy(state).onBar(next, bar);
        logSuppression(state.strategyState(), next);
        List<Event> events = new ArrayList<>(2);
        events.add(new BarObserved(bar));
        // A disabled strategy keeps its indicators warm but raises nothing; one below the operator's threshold neither.
        Signal signal = state.enabled() ? raised.filter(state::passes).orElse(null) : null;
        if (signal != null) {
            events.add(new SignalEmitted(signal));
        }
        return Effect().persist(events).thenRun(s -> emitted(signal)).thenReply(cmd.replyTo(), s -> new BarEvaluated(signal, false));
    }

    /** The first stage of a decision chain: counted, and the line its trace starts with (once: a bar seen again does neither). */
    private void emitted(Signal signal) {
        if (signal == null) {
            return;
        }
        TradingMetrics.signal(signal.strategy().value(), signal.metadata().get("regime"));
        LogScope.run(persistenceId().id(), TraceId.ofSignal(signal.strategy(), signal.instrument(), signal.time()),
                () -> LOG.info("signal {} {} {} at {} (price {}): {}", signal.strategy(), signal.direction(), signal.instrument(), signal.time(),
                        signal.price(), signal.reason()));
    }

    private ReplyEffect<Event, StrategyEntityState> onSetEnabled(StrategyEntityState state, SetEnabled cmd) {
        if (state.enabled() == cmd.enabled()) {
            return Effect().reply(cmd.replyTo(), state);
        }
        Event event = cmd.enabled() ? new Enabled() : new Disabled();
        return Effect().persist(event).thenReply(cmd.replyTo(), s -> s);
    }

    /** Signals and the operator's enabling and disabling go into the audit trail; the bars observed (inputs) do not. */
    @Override
    public Set<String> tagsFor(Event event) {
        return AuditTag.when(!(event instanceof BarObserved));
    }

    @Override
    public EventHandler<StrategyEntityState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(BarObserved.class, (state, e) -> state.observed(e.bar(), advanced(state, e.bar())))
                .onEvent(SignalEmitted.class, (state, e) -> state.emitted(e.signal()))
                .onEvent(Enabled.class, (state, e) -> state.withEnabled(true))
                .onEvent(Disabled.class, (state, e) -> state.withEnabled(false))
                .onEvent(ThresholdSet.class, (state, e) -> state.withMinConfidence(e.minConfidence()))
                .onEvent(ParametersSet.class, this::applied)
                .build();
    }

    private void logSuppression(StrategyState before, StrategyState after) {
        Suppressions was = before.suppressions();
        Suppressions now = after.suppressions();
        if (was != null && now != null && now.suppressedEntries() > was.suppressedEntries()) {
            LogScope.run(persistenceId().id(), null,
                    () -> LOG.info("strategy {} suppressed entry #{}: {}", id, now.suppressedEntries(), now.lastSuppression()));
        }
    }

    /** A new state object: the one a snapshot may be holding is never touched again. */
    private StrategyState advanced(StrategyEntityState state, Bar bar) {
        StrategyState next = copier.apply(state.strategyState());
        strategy(state).onBar(next, bar);
        return next;
    }

    /**
     * The rebuilt strategy from its initial state, run over the warm-up bars (what they would have
     * signalled is not raised); the configured one when the parameters no longer build it.
     */
    private StrategyEntityState applied(StrategyEntityState current, ParametersSet e) {
        Optional<Strategy> rebuilt = rebuilt(e.parameters());
        Strategy strategy = rebuilt.orElse(configured);
        StrategyState state = strategy.initialState(id.instrument());
        for (Bar bar : e.warmUp()) {
            strategy.onBar(state, bar);
        }
        return current.withParameters(rebuilt.isPresent() ? e.parameters() : null, state);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
