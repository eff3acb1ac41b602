package dev.trader.engine.account;

import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.settings.PersistenceTuning;
import dev.trader.risk.Exposure;
import dev.trader.risk.FlatRiskCheck;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.limits.RollingCorrelation;
import dev.trader.risk.rules.Evaluation;
import dev.trader.risk.rules.PreTradeDecision;
import dev.trader.risk.rules.PreTradeRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account: the single writer of cash, exposure and every risk decision. A signal becomes an
 * intent, the intent is checked by the pure risk rules (the flat check or, under the prop-firm
 * model, {@link PreTradeRisk} through {@link PropFirmDesk}), and the decision is journaled with
 * its inputs before any order exists. Fills are booked once per trade id. Under the prop-firm
 * model every risk event is journaled before it is applied, bar closes mark held positions and
 * roll the day, and a floor halts entries and flattens.
 */
public final class AccountEntity
        extends EventSourcedBehaviorWithEnforcedReplies<AccountEntity.Command, AccountEntity.Event, AccountState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Account");
    private static final Logger LOG = LoggerFactory.getLogger(AccountEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    /** Decide a signal; {@code atr} is the simple ATR(14) at the signal's bar (null if unknown), for stops. */
    public record EvaluateSignal(Signal signal, Price atr, ActorRef<IntentDecision> replyTo) implements Command {
        public EvaluateSignal(Signal signal, ActorRef<IntentDecision> replyTo) {
            this(signal, null, replyTo);
        }
    }

    /** Book a fill the position has applied; {@code heldAfter} is the position's quantity after it. */
    public record BookFill(Fill fill, Quantity heldAfter, boolean orderDone, ActorRef<FillBooked> replyTo) implements Command {
    }

    /** An approved order ended without (further) fills: release what it reserved. */
    public record CloseOrder(String clientOrderId, String reason, ActorRef<AccountState> replyTo) implements Command {
    }

    /** A bar of {@code instrument} closed at {@code time} (its close time) at {@code close}: after its fills, before its signals. */
    public record ObserveBar(InstrumentId instrument, Price close, Instant time, ActorRef<Observation> replyTo) implements Command {
    }

    /** The kill switch: globally ({@code strategy} null) or for one strategy. */
    public record SetKillSwitch(boolean on, String strategy, String reason, ActorRef<AccountState> replyTo) implements Command {
        public SetKillSwitch(boolean on, ActorRef<AccountState> replyTo) {
            this(on, null, "operator", replyTo);
        }
    }

    /**
     * The trader's self-reported state, 1 (worst) to 5 (best), for the mental governor (prop-firm
     * model only). Stamped with the close time of the latest bar this incarnation observed (event
     * time, never the wall clock); refused before any bar was observed.
     */
    public record SelfReport(int state, ActorRef<OperatorReply> replyTo) implements Command {
    }

    /** An operator lifts the halt (prop-firm model only); refused when the account is not halted. */
    public record ClearHalt(String reason, ActorRef<OperatorReply> replyTo) implements Command {
    }

    /** An operator flattens the account: halt, and close every position at market from the next bar (prop-firm model). */
    public record FlattenAll(String reason, ActorRef<OperatorReply> replyTo) implements Command {
    }

    /** The answer to an operator command: done (possibly with nothing to change), or refused with why. */
    public record OperatorReply(boolean accepted, String refusal) implements CborSerializable {
        static OperatorReply ok() {
            return new OperatorReply(true, null);
        }

        static OperatorReply refused(String why) {
            return new OperatorReply(false, why);
        }
    }

    /**
     * The second clamp, immediately before an approved order is sent (prop-firm model): the risk
     * rules check the final order against the account as it is now. A blocked order is released
     * and never sent; an order the account no longer holds open (filled, released, blocked before)
     * needs no sending either.
     */
    public record RecheckOrder(OrderRequest request, ActorRef<Rechecked> replyTo) implements Command {
    }

    /** {@code send} false: do not send; {@code rule} and {@code reason} say why. */
    public record Rechecked(boolean send, String rule, String reason) implements CborSerializable {
        static final Rechecked OK = new Rechecked(true, null, null);
    }

    /**
     * The reconciliation with the venue sets which instruments it could not explain (the whole set:
     * an instrument left out is released). Entries on a held instrument are rejected; exits are not,
     * since a hold must never keep a position open.
     */
    public record SetReconciliationHolds(Map<String, String> holds, ActorRef<AccountState> replyTo) implements Command {
        public SetReconciliationHolds {
            holds = Map.copyOf(holds);
        }
    }

    public record GetStatus(ActorRef<AccountState> replyTo) implements Command {
    }

    public record GetRiskStatus(ActorRef<RiskStatus> replyTo) implements Command {
    }

    public record FillBooked(boolean booked, Money cashAfter) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record IntentApproved(IntentDecision decision, boolean entry, int positionSeq) implements Event {
    }

    public record IntentRejected(IntentDecision decision) implements Event {
    }

    /** A signal that needed no order; journaled so that seeing it again changes nothing. */
    public record IntentIgnored(IntentDecision decision) implements Event {
    }

    public record FillBookedEvent(Fill fill, Quantity heldAfter, boolean orderDone) implements Event {
    }

    public record OrderReleased(String clientOrderId, String reason) implements Event {
    }

    /** The global kill switch of the flat model (the prop-firm model journals the risk module's KillSwitchSet). */
    public record KillSwitchSet(boolean on) implements Event {
    }

    /** A strategy's kill switch under the flat model. */
    public record StrategyKillSwitchSet(String strategy, boolean on) implements Event {
    }

    /** Risk events of a decision, a fill, an order's end or an operator, applied to the prop-firm book in order. */
    public record ReconciliationHoldsSet(Map<String, String> holds) implements Event {
        public ReconciliationHoldsSet {
            holds = Map.copyOf(holds);
        }
    }

    public record RiskRecorded(@RiskEventTypes List<RiskEvent> events) implements Event {
        public RiskRecorded {
            events = List.copyOf(events);
        }
    }

    /** What a bar close changed: a held position's mark, a day roll, a halt, a flatten request, a lock. */
    public record BarObserved(String instrument, Instant closeTime, @RiskEventTypes List<RiskEvent> events) implements Event {
        public BarObserved {
            events = List.copyOf(events);
        }
    }

    /** The rule of an entry rejected because the venue's books disagree with ours on its instrument. */
    public static final String RECONCILIATION_HOLD = "reconciliation_hold";

    /** Every intent is a single order: leg 0 of its signal, whose id is the signal's trace id. */
    private static final int LEG = TraceId.SIGNAL_LEG;

    private final String accountId;
    private final Money initialCapital;
    private final FlatRiskCheck flat;
    private final PropFirmDesk desk;
    private final Map<String, InstrumentRules> rules;
    private final PersistenceTuning tuning;
    /**
     * The close time of the latest bar this incarnation observed. Not state: a quiet bar journals
     * nothing, so the state's clock lags; the status reports (and judges locks and the governor)
     * as of this time. Decisions never read it: they use their own event time.
     */
    private Instant lastBarClose;
    /**
     * The rolling correlation of the instruments' 1m returns, for the correlation cap: fed by every
     * observed bar close, in feed order. Not state: after a restart it refills from the bars fed
     * again (a file replay refeeds them all; a live feed within {@link #CORRELATION_WINDOW} bars),
     * and until {@link #CORRELATION_MIN_SAMPLES} common returns exist two instruments count as two
     * exposures. Every decision journals the correlations it used among its inputs.
     */
    private RollingCorrelation correlations = new RollingCorrelation(CORRELATION_WINDOW, CORRELATION_MIN_SAMPLES);
    /** Four hours of 1m returns. */
    static final int CORRELATION_WINDOW = 240;
    static final int CORRELATION_MIN_SAMPLES = 60;

    private AccountEntity(String accountId, Money initialCapital, FlatRiskCheck flat, PropFirmDesk desk, Map<String, InstrumentRules> rules,
                          PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), accountId), tuning.backoff());
        this.accountId = accountId;
        this.initialCapital = initialCapital;
        this.flat = flat;
        this.desk = desk;
        this.rules = Map.copyOf(rules);
        this.tuning = tuning;
    }

    /** The flat model: {@link FlatRiskCheck}. */
    public static Behavior<Command> create(String accountId, Money initialCapital, FlatRiskCheck riskCheck,
                                           Map<String, InstrumentRules> rules, PersistenceTuning tuning) {
        return new AccountEntity(accountId, initialCapital, riskCheck, null, rules, tuning);
    }

    /** The prop-firm model: {@link PreTradeRisk} with the news calendar. */
    public static Behavior<Command> createPropFirm(String accountId, Money initialCapital, PreTradeRisk risk, NewsCalendar news,
                                                   Map<String, InstrumentRules> rules, PersistenceTuning tuning) {
        return new AccountEntity(accountId, initialCapital, null, new PropFirmDesk(risk, news), rules, tuning);
    }

    @Override
    public AccountState emptyState() {
        RiskLedger ledger = desk == null ? RiskLedger.flat()
                : RiskLedger.propFirm(AccountRisk.start(initialCapital, PropFirmDesk.BEFORE_TRADING));
        return AccountState.initial(accountId, initialCapital, ledger);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, AccountState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(EvaluateSignal.class, this::onEvaluateSignal)
                .onCommand(BookFill.class, this::onBookFill)
                .onCommand(CloseOrder.class, this::onCloseOrder)
                .onCommand(ObserveBar.class, this::onObserveBar)
                .onCommand(SetKillSwitch.class, this::onSetKillSwitch)
                .onCommand(SelfReport.class, this::onSelfReport)
                .onCommand(ClearHalt.class, this::onClearHalt)
                .onCommand(FlattenAll.class, this::onFlattenAll)
                .onCommand(RecheckOrder.class, this::onRecheckOrder)
                .onCommand(SetReconciliationHolds.class, this::onSetReconciliationHolds)
                .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(GetRiskStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), riskStatus(state)))
                .build();
    }

    private ReplyEffect<Event, AccountState> onEvaluateSignal(AccountState state, EvaluateSignal cmd) {
        Signal signal = cmd.signal();
        String instrument = signal.instrument().value();
        // A signal seen before gets the decision it got then, whatever has happened since: its own
        // approval already made the account non-flat, so deciding anew would answer "no action" and
        // the order of a decision interrupted before it was placed would never be sent; and a signal
        // that needed no order then must not place one now (a replayed old entry on a flat book).
        String key = ClientOrderId.derive(signal.strategy(), signal.instrument(), signal.time(), LEG).value();
        IntentDecision earlier = state.decisions().get(key);
        if (earlier != null) {
            return Effect().reply(cmd.replyTo(), earlier);
        }
        Exposure exposure = state.exposure(instrument);
        String owner = state.book(instrument).owner();
        if (signal.direction() == SignalDirection.FLAT && owner != null && !owner.equals(signal.strategy().value())) {
            return decided(cmd, List.of(new IntentIgnored(IntentDecision.noAction(key, instrument, signal.time(),
                    "FLAT from " + signal.strategy() + " leaves the position of " + owner + " alone"))));
        }
        OrderIntent intent = intentFor(signal, exposure);
        if (intent == null) {
            return decided(cmd, List.of(new IntentIgnored(IntentDecision.noAction(key, instrument, signal.time(),
                    "signal " + signal.direction() + " needs no order with " + exposure.filled() + " held"))));
        }
        InstrumentRules instrumentRules = rules.get(instrument);
        if (instrumentRules == null) {
            return decided(cmd, List.of(new IntentRejected(rejection(intent, "unknown_instrument", "no trading rules configured for " + instrument,
                    Map.of()))));
        }
        String held = state.reconciliationHolds().get(instrument);
        if (held != null && !intent.reduceOnly()) {
            return decided(cmd, List.of(new IntentRejected(rejection(intent, RECONCILIATION_HOLD,
                    "the venue's books disagree with ours on " + instrument + ": " + held, Map.of("hold", held)))));
        }
        if (desk != null) {
            return decided(cmd, desk.decide(state, signal, intent, instrumentRules, cmd.atr(), correlations, accountId));
        }
        return decided(cmd, FlatDesk.decide(flat, state, intent, exposure, instrumentRules, accountId));
    }

    /** Journals the events of a decision (the decision last) and replies with the decision. */
    private ReplyEffect<Event, AccountState> decided(EvaluateSignal cmd, List<Event> events) {
        IntentDecision d = decisionIn(events);
        return Effect().persist(events).thenRun(s -> logged(events)).thenReply(cmd.replyTo(), s -> d);
    }

    private static IntentDecision decisionIn(List<Event> events) {
        Event last = events.get(events.size() - 1);
        if (last instanceof IntentApproved a) {
            return a.decision();
        }
        if (last instanceof IntentRejected r) {
            return r.decision();
        }
        return ((IntentIgnored) last).decision();
    }

    /**
     * LONG opens when flat, FLAT closes what is held. A SHORT while flat becomes a sell intent that
     * the risk rules reject as {@code long_only}, so the refusal is journaled and visible rather than
     * silently ignored; anything else needs no order.
     */
    private static OrderIntent intentFor(Signal signal, Exposure exposure) {
        if (signal.direction() == SignalDirection.LONG && exposure.isFlat()) {
            return new OrderIntent(signal.strategy(), signal.instrument(), OrderSide.BUY, signal.time(), LEG, signal.price(), false, signal.reason());
        }
        if (signal.direction() == SignalDirection.FLAT && !exposure.filled().isZero()) {
            return new OrderIntent(signal.strategy(), signal.instrument(), OrderSide.SELL, signal.time(), LEG, signal.price(), true, signal.reason());
        }
        if (signal.direction() == SignalDirection.SHORT && exposure.isFlat()) {
            return new OrderIntent(signal.strategy(), signal.instrument(), OrderSide.SELL, signal.time(), LEG, signal.price(), false, signal.reason());
        }
        return null;
    }

    static IntentDecision rejection(OrderIntent intent, String rule, String reason, Map<String, String> inputs) {
        return new IntentDecision(IntentDecision.Outcome.REJECTED, intent.clientOrderId().value(), intent.instrument().value(),
                intent.decisionTime(), null, null, rule, reason, inputs);
    }

    private ReplyEffect<Event, AccountState> onBookFill(AccountState state, BookFill cmd) {
        if (state.bookedTradeIds().contains(cmd.fill().tradeId().value())) {
            return Effect().reply(cmd.replyTo(), new FillBooked(false, state.cash()));
        }
        if (!cmd.fill().fee().currency().equals(state.cash().currency())) {
            throw new IllegalArgumentException("fill " + cmd.fill().tradeId() + " pays its fee in " + cmd.fill().fee().currency()
                    + " but the account books " + state.cash().currency());
        }
        List<Event> events = new ArrayList<>(2);
        events.add(new FillBookedEvent(cmd.fill(), cmd.heldAfter(), cmd.orderDone()));
        if (desk != null) {
            events.add(new RiskRecorded(desk.fill(state, cmd.fill(), cmd.orderDone())));
        }
        return Effect().persist(events).thenReply(cmd.replyTo(), s -> new FillBooked(true, s.cash()));
    }

    private ReplyEffect<Event, AccountState> onRecheckOrder(AccountState state, RecheckOrder cmd) {
        String id = cmd.request().clientOrderId().value();
        if (!state.openOrders().containsKey(id)) {
            return Effect().reply(cmd.replyTo(), new Rechecked(false, "not_open", "order " + id + " is no longer open in the account"));
        }
        String held = state.reconciliationHolds().get(cmd.request().instrument().value());
        if (held != null && !cmd.request().reduceOnly()) {
            // A hold set after the decision (or a decision replayed after a restart) still stops the entry before it is sent.
            String reason = "the venue's books disagree with ours on " + cmd.request().instrument() + ": " + held;
            List<Event> released = new ArrayList<>(2);
            if (desk != null) {
                List<RiskEvent> r = desk.close(state, id);
                if (!r.isEmpty()) {
                    released.add(new RiskRecorded(r));
                }
            }
            released.add(new OrderReleased(id, "blocked before submission by " + RECONCILIATION_HOLD + ": " + reason));
            return Effect().persist(released)
                    .thenRun(s -> {
                        TradingMetrics.rejected(RECONCILIATION_HOLD);
                        log(id, () -> LOG.warn("order {} blocked before submission by {}: {}", id, RECONCILIATION_HOLD, reason));
                    })
                    .thenReply(cmd.replyTo(), s -> new Rechecked(false, RECONCILIATION_HOLD, reason));
        }
        if (desk == null) {
            return Effect().reply(cmd.replyTo(), Rechecked.OK);
        }
        Evaluation e = desk.recheck(state, cmd.request(), correlations);
        List<Event> events = new ArrayList<>(2);
        if (!e.events().isEmpty()) {
            events.add(new RiskRecorded(e.events()));
        }
        if (e.decision() instanceof PreTradeDecision.Rejected r) {
            // The risk module's recheck released an entry's reservation among its events; the account's open order goes too.
            events.add(new OrderReleased(id, "blocked before submission by " + r.rule() + ": " + r.reason()));
            Rechecked answer = new Rechecked(false, r.rule(), r.reason());
            return Effect().persist(events)
                    .thenRun(s -> {
                        TradingMetrics.rejected(r.rule());
                        log(id, () -> LOG.warn("order {} blocked before submission by {}: {} {}", id, r.rule(), r.reason(), r.inputs()));
                    })
                    .thenReply(cmd.replyTo(), s -> answer);
        }
        if (events.isEmpty()) {
            return Effect().reply(cmd.replyTo(), Rechecked.OK);
        }
        return Effect().persist(events).thenReply(cmd.replyTo(), s -> Rechecked.OK);
    }

    private ReplyEffect<Event, AccountState> onSetReconciliationHolds(AccountState state, SetReconciliationHolds cmd) {
        if (state.reconciliationHolds().equals(cmd.holds())) {
            return Effect().reply(cmd.replyTo(), state);
        }
        Map<String, String> before = state.reconciliationHolds();
        return Effect().persist(new ReconciliationHoldsSet(cmd.holds()))
                .thenRun(s -> log(null, () -> {
                    cmd.holds().forEach((i, why) -> {
                        if (!before.containsKey(i)) {
                            LOG.warn("entries on {} HELD by the reconciliation: {}", i, why);
                        }
                    });
                    before.keySet().stream().filter(i -> !cmd.holds().containsKey(i))
                            .forEach(i -> LOG.warn("reconciliation hold on {} released: the venue's books agree with ours again", i));
                }))
                .thenReply(cmd.replyTo(), s -> s);
    }

    private ReplyEffect<Event, AccountState> onCloseOrder(AccountState state, CloseOrder cmd) {
        if (!state.openOrders().containsKey(cmd.clientOrderId())) {
            return Effect().reply(cmd.replyTo(), state);
        }
        List<Event> events = new ArrayList<>(2);
        events.add(new OrderReleased(cmd.clientOrderId(), cmd.reason()));
        if (desk != null) {
            List<RiskEvent> released = desk.close(state, cmd.clientOrderId());
            if (!released.isEmpty()) {
                events.add(new RiskRecorded(released));
            }
        }
        return Effect().persist(events).thenReply(cmd.replyTo(), s -> s);
    }

    private ReplyEffect<Event, AccountState> onObserveBar(AccountState state, ObserveBar cmd) {
        if (desk == null) {
            return Effect().reply(cmd.replyTo(), Observation.NONE);
        }
        if (lastBarClose == null || cmd.time().isAfter(lastBarClose)) {
            lastBarClose = cmd.time();
        }
        // Keyed by the bar's close time, the same for every instrument's bar of a minute; a bar at or
        // before the instrument's last is ignored.
        correlations = correlations.onClose(cmd.instrument(), cmd.time(), cmd.close());
        List<Event> events = desk.observe(state, cmd.instrument(), cmd.close(), cmd.time(), rules, accountId);
        if (events.isEmpty()) {
            return Effect().reply(cmd.replyTo(), observation(state, cmd.instrument()));
        }
        return Effect().persist(events).thenRun(s -> logged(events)).thenReply(cmd.replyTo(), s -> observation(s, cmd.instrument()));
    }

    /** The flatten work, with the instrument's position and whether the kill switch holds its owner's orders. */
    private Observation observation(AccountState state, InstrumentId instrument) {
        InstrumentBook book = state.book(instrument.value());
        String position = book.latestPositionId(accountId).orElse(null);
        StrategyId owner = book.owner() == null ? null : new StrategyId(book.owner());
        boolean blocked = owner == null ? state.risk().risk().globalKillSwitch() : state.risk().risk().killSwitchOn(owner);
        return desk.observation(state).of(position, blocked);
    }

    private ReplyEffect<Event, AccountState> onSetKillSwitch(AccountState state, SetKillSwitch cmd) {
        StrategyId strategy;
        try {
            strategy = cmd.strategy() == null ? null : new StrategyId(cmd.strategy());
        } catch (IllegalArgumentException e) {
            log(null, () -> LOG.warn("kill switch command ignored: {}", e.getMessage()));
            return Effect().reply(cmd.replyTo(), state);
        }
        String scope = strategy == null ? "global" : "strategy " + strategy;
        List<Event> events;
        if (desk != null) {
            List<RiskEvent> set = desk.killSwitch(state, strategy, cmd.on(), cmd.reason() == null ? "operator" : cmd.reason());
            events = set.isEmpty() ? List.of() : List.of(new RiskRecorded(set));
        } else {
            events = List.of(strategy == null ? new KillSwitchSet(cmd.on()) : new StrategyKillSwitchSet(strategy.value(), cmd.on()));
        }
        if (events.isEmpty()) {
            return Effect().reply(cmd.replyTo(), state);
        }
        return Effect().persist(events)
                .thenRun(s -> log(null, () -> LOG.warn("kill switch ({}) {} for account {}: {}", scope, cmd.on() ? "ON" : "OFF", accountId,
                        cmd.reason())))
                .thenReply(cmd.replyTo(), s -> s);
    }

    private ReplyEffect<Event, AccountState> onSelfReport(AccountState state, SelfReport cmd) {
        if (desk == null) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("the flat risk model has no mental governor"));
        }
        if (cmd.state() < 1 || cmd.state() > 5) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("the self-reported state must be within 1..5 but was " + cmd.state()));
        }
        // Event time, never the wall clock: the close of the latest bar observed. After a restart that
        // is known again with the next bar (quiet bars are not journaled, so the journal's latest
        // observation could be older than a report already made).
        Instant time = lastBarClose;
        if (time == null) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("no bar has been observed yet (since the engine started): "
                    + "a self-report is stamped with the last bar's close time, so it waits for the next bar"));
        }
        List<RiskEvent> report = desk.selfReport(state, cmd.state(), time);
        if (report.isEmpty()) {
            return Effect().reply(cmd.replyTo(), OperatorReply.ok());
        }
        return Effect().persist(new RiskRecorded(report))
                .thenRun(s -> log(null, () -> LOG.info("account {} self-reported state {} at {}", accountId, cmd.state(), time)))
                .thenReply(cmd.replyTo(), s -> OperatorReply.ok());
    }

    private ReplyEffect<Event, AccountState> onClearHalt(AccountState state, ClearHalt cmd) {
        if (desk == null) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("not halted: the flat risk model never halts"));
        }
        String reason = cmd.reason() == null || cmd.reason().isBlank() ? "operator" : cmd.reason();
        List<RiskEvent> cleared = desk.clearHalt(state, reason);
        if (cleared.isEmpty()) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("not halted"));
        }
        String rule = state.risk().risk().halt().map(h -> h.rule()).orElse("?");
        return Effect().persist(new RiskRecorded(cleared))
                .thenRun(s -> log(null, () -> LOG.warn("halt ({}) CLEARED for account {}: {}", rule, accountId, reason)))
                .thenReply(cmd.replyTo(), s -> OperatorReply.ok());
    }

    private ReplyEffect<Event, AccountState> onFlattenAll(AccountState state, FlattenAll cmd) {
        if (desk == null) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("the flat risk model has no flatten: use the kill switch"));
        }
        List<RiskEvent> flatten = desk.flattenAll(state, cmd.reason());
        if (flatten.isEmpty()) {
            return Effect().reply(cmd.replyTo(), OperatorReply.refused("a flatten is already under way"));
        }
        List<Event> events = List.of(new RiskRecorded(flatten));
        return Effect().persist(events).thenRun(s -> logged(events)).thenReply(cmd.replyTo(), s -> OperatorReply.ok());
    }

    private RiskStatus riskStatus(AccountState state) {
        Instant clock = state.risk().clock();
        Instant asOf = clock == null || (lastBarClose != null && lastBarClose.isAfter(clock)) ? lastBarClose : clock;
        if (desk != null) {
            return desk.status(state, asOf);
        }
        RiskLedger l = state.risk();
        return new RiskStatus("flat", asOf, null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, false,
                state.killSwitch(), l.killedStrategies(), l.blockedAttempts(), PropFirmDesk.lastRejections(state));
    }

    /**
     * What the operators must see in the log: every decision (the second stage of its chain, under the signal's trace
     * id), every blocked attempt, halts, flattens, locks and day rolls.
     */
    private void logged(List<Event> events) {
        for (Event e : events) {
            List<RiskEvent> risk = e instanceof RiskRecorded r ? r.events() : e instanceof BarObserved b ? b.events() : List.of();
            for (RiskEvent re : risk) {
                if (re instanceof RiskEvent.Halted h) {
                    log(null, () -> LOG.warn("account {} HALTED by {} at {}: {}", accountId, h.rule(), h.time(), h.inputs()));
                } else if (re instanceof RiskEvent.FlattenRequested f) {
                    log(null, () -> LOG.warn("account {} flattening every position after {} at {}", accountId, f.rule(), f.time()));
                } else if (re instanceof RiskEvent.LockEngaged l) {
                    log(null, () -> LOG.warn("account {} locked by {} until {}", accountId, l.rule(), l.until()));
                } else if (re instanceof RiskEvent.DayRolled d) {
                    log(null, () -> LOG.info("account {} trading day {} from {}", accountId, d.day(), d.time()));
                }
            }
            if (e instanceof IntentRejected r) {
                IntentDecision d = r.decision();
                TradingMetrics.rejected(d.rule());
                log(d.clientOrderId(), () -> {
                    if ("kill_switch".equals(d.rule())) {
                        LOG.warn("order blocked by kill_switch: {} ({} at {}; blocked attempt #{})", d.reason(), d.instrument(), d.decisionTime(),
                                d.inputs().getOrDefault("blocked_attempts", "?"));
                    } else if (GuardRules.isGuard(d.rule())) {
                        LOG.warn("entry blocked by {}: {} ({} at {})", d.rule(), d.reason(), d.instrument(), d.decisionTime());
                    } else {
                        LOG.info("intent rejected by {}: {} ({} at {})", d.rule(), d.reason(), d.instrument(), d.decisionTime());
                    }
                });
            } else if (e instanceof IntentApproved a) {
                IntentDecision d = a.decision();
                OrderRequest o = d.request();
                log(d.clientOrderId(), () -> {
                    if (PropFirmDesk.FLATTEN.equals(d.rule())) {
                        LOG.warn("flatten exit {}: {}", d.clientOrderId(), d.reason());
                    } else {
                        LOG.info("intent approved: order {} {} {} {} {} at {} (position {}, stop {})", d.clientOrderId(), o.side(), o.type(),
                                o.quantity(), d.instrument(), d.decisionTime(), d.positionId(), d.inputs().getOrDefault("stop", "none"));
                    }
                });
            } else if (e instanceof IntentIgnored i) {
                IntentDecision d = i.decision();
                log(d.clientOrderId(), () -> LOG.info("intent needs no order: {} ({} at {})", d.reason(), d.instrument(), d.decisionTime()));
            }
        }
    }

    /** {@code line} with this entity's id and, when it concerns one, the trace of the order {@code clientOrderId} (null: none). */
    private void log(String clientOrderId, Runnable line) {
        LogScope.run(persistenceId().id(), clientOrderId == null ? null : TraceId.ofOrder(new ClientOrderId(clientOrderId)), line);
    }

    /**
     * Every decision, booking, release, operator action and risk event goes into the audit trail; a
     * bar close only when it did more than mark positions (a day roll, a halt, a flatten, a lock).
     */
    @Override
    public Set<String> tagsFor(Event event) {
        return AuditTag.when(!(event instanceof BarObserved b) || b.events().stream().anyMatch(e -> !(e instanceof RiskEvent.Marked)));
    }

    @Override
    public EventHandler<AccountState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(IntentApproved.class, (state, e) -> state.approved(e.decision(), e.entry(), e.positionSeq()))
                .onEvent(IntentRejected.class, (state, e) -> state.rejected(e.decision()))
                .onEvent(IntentIgnored.class, (state, e) -> state.ignored(e.decision()))
                .onEvent(FillBookedEvent.class, (state, e) -> state.booked(e.fill(), e.heldAfter(), e.orderDone()))
                .onEvent(OrderReleased.class, (state, e) -> state.orderClosed(e.clientOrderId()))
                .onEvent(KillSwitchSet.class, (state, e) -> state.withKillSwitch(e.on()))
                .onEvent(StrategyKillSwitchSet.class, (state, e) -> state.withStrategyKillSwitch(e.strategy(), e.on()))
                .onEvent(RiskRecorded.class, (state, e) -> state.riskApplied(e.events()))
                .onEvent(ReconciliationHoldsSet.class, (state, e) -> state.withReconciliationHolds(e.holds()))
                .onEvent(BarObserved.class, (state, e) -> state.barObserved(e.instrument(), e.closeTime(), e.events()))
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
