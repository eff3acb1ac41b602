package dev.trader.engine.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.position.PositionIds;
import dev.trader.engine.settings.PersistenceTuning;
import dev.trader.risk.Exposure;
import dev.trader.risk.FlatRiskCheck;
import dev.trader.risk.RiskDecision;
import dev.trader.risk.RiskState;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The account: the single writer of cash, exposure and every risk decision. A signal becomes an
 * intent, the intent is checked by the pure risk rules, and the decision is journaled with
 * its inputs before any order exists. Fills are booked once per trade id.
 */
public final class AccountEntity
        extends EventSourcedBehaviorWithEnforcedReplies<AccountEntity.Command, AccountEntity.Event, AccountState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Account");

    public sealed interface Command extends CborSerializable {
    }

    public record EvaluateSignal(Signal signal, ActorRef<IntentDecision> replyTo) implements Command {
    }

    /** Book a fill the position has applied; {@code heldAfter} is the position's quantity after it. */
    public record BookFill(Fill fill, Quantity heldAfter, boolean orderDone, ActorRef<FillBooked> replyTo) implements Command {
    }

    /** An approved order ended without (further) fills: release what it reserved. */
    public record CloseOrder(String clientOrderId, String reason, ActorRef<AccountState> replyTo) implements Command {
    }

    public record SetKillSwitch(boolean on, ActorRef<AccountState> replyTo) implements Command {
    }

    public record GetStatus(ActorRef<AccountState> replyTo) implements Command {
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

    public record KillSwitchSet(boolean on) implements Event {
    }

    /** Every intent is a single order: leg 0 of its signal. */
    private static final int LEG = 0;

    private final String accountId;
    private final Money initialCapital;
    private final FlatRiskCheck riskCheck;
    private final Map<String, InstrumentRules> rules;
    private final PersistenceTuning tuning;

    private AccountEntity(String accountId, Money initialCapital, FlatRiskCheck riskCheck, Map<String, InstrumentRules> rules,
                          PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), accountId), tuning.backoff());
        this.accountId = accountId;
        this.initialCapital = initialCapital;
        this.riskCheck = riskCheck;
        this.rules = Map.copyOf(rules);
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String accountId, Money initialCapital, FlatRiskCheck riskCheck,
                                           Map<String, InstrumentRules> rules, PersistenceTuning tuning) {
        return new AccountEntity(accountId, initialCapital, riskCheck, rules, tuning);
    }

    @Override
    public AccountState emptyState() {
        return AccountState.initial(accountId, initialCapital);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, AccountState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(EvaluateSignal.class, this::onEvaluateSignal)
                .onCommand(BookFill.class, this::onBookFill)
                .onCommand(CloseOrder.class, this::onCloseOrder)
                .onCommand(SetKillSwitch.class, (state, cmd) -> Effect().persist(new KillSwitchSet(cmd.on())).thenReply(cmd.replyTo(), s -> s))
                .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
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
            return ignore(cmd, IntentDecision.noAction(key, instrument, signal.time(),
                    "FLAT from " + signal.strategy() + " leaves the position of " + owner + " alone"));
        }
        OrderIntent intent = intentFor(signal, exposure);
        if (intent == null) {
            return ignore(cmd, IntentDecision.noAction(key, instrument, signal.time(),
                    "signal " + signal.direction() + " needs no order with " + exposure.filled() + " held"));
        }
        ClientOrderId id = intent.clientOrderId();
        InstrumentRules instrumentRules = rules.get(instrument);
        if (instrumentRules == null) {
            IntentDecision d = rejection(intent, "unknown_instrument", "no trading rules configured for " + instrument, Map.of());
            return Effect().persist(new IntentRejected(d)).thenReply(cmd.replyTo(), s -> d);
        }
        RiskDecision decision = riskCheck.decide(new RiskState(state.cash(), state.killSwitch()), exposure, intent, instrumentRules);
        if (decision instanceof RiskDecision.Rejected r) {
            IntentDecision d = rejection(intent, r.rule(), r.reason(), r.inputs());
            return Effect().persist(new IntentRejected(d)).thenReply(cmd.replyTo(), s -> d);
        }
        RiskDecision.Approved approved = (RiskDecision.Approved) decision;
        boolean entry = !intent.reduceOnly();
        InstrumentBook book = state.book(instrument);
        int seq = entry ? book.positionSeq() + 1 : book.positionSeq();
        OrderRequest request = new OrderRequest(id, intent.strategy(), signal.instrument(), intent.side(), OrderType.MARKET,
                approved.quantity(), null, intent.decisionTime());
        IntentDecision d = new IntentDecision(IntentDecision.Outcome.APPROVED, id.value(), instrument, intent.decisionTime(), request,
                PositionIds.of(accountId, signal.instrument(), seq), "approved", intent.reason(), approved.inputs());
        return Effect().persist(new IntentApproved(d, entry, seq)).thenReply(cmd.replyTo(), s -> d);
    }

    private ReplyEffect<Event, AccountState> ignore(EvaluateSignal cmd, IntentDecision d) {
        return Effect().persist(new IntentIgnored(d)).thenReply(cmd.replyTo(), s -> d);
    }

    /** Long-only: LONG opens when flat, FLAT closes what is held; anything else needs no order. */
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

    private static IntentDecision rejection(OrderIntent intent, String rule, String reason, Map<String, String> inputs) {
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
        return Effect().persist(new FillBookedEvent(cmd.fill(), cmd.heldAfter(), cmd.orderDone()))
                .thenReply(cmd.replyTo(), s -> new FillBooked(true, s.cash()));
    }

    private ReplyEffect<Event, AccountState> onCloseOrder(AccountState state, CloseOrder cmd) {
        if (!state.openOrders().containsKey(cmd.clientOrderId())) {
            return Effect().reply(cmd.replyTo(), state);
        }
        return Effect().persist(new OrderReleased(cmd.clientOrderId(), cmd.reason())).thenReply(cmd.replyTo(), s -> s);
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
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }

}
