package dev.trader.engine.order;

import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.DecisionPrice;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderStateMachine;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderTransition;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.crash.CrashPoints;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.settings.PersistenceTuning;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One order, keyed by its client order id. The request is journaled before anything is sent;
 * a retry re-sends under the same id; an answer that proves nothing makes it UNKNOWN, never
 * failed. Every state change goes through {@link OrderStateMachine}, and each trade id is
 * applied once.
 *
 * <p>For execution quality the order journals the price it was decided at and wall-clock instants:
 * when it was journaled (the decision), when the venue acknowledged it, when each fill arrived. The
 * wall clock is read here as a measurement only; no decision ever depends on it, so a replay still
 * decides the same.
 */
public final class OrderEntity
        extends EventSourcedBehaviorWithEnforcedReplies<OrderEntity.Command, OrderEntity.Event, OrderState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Order");
    private static final Logger LOG = LoggerFactory.getLogger(OrderEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    /**
     * Journal the request (if new) and make sure the venue has it; replies once the venue answered.
     * {@code decisionPrice} is the market price the decision saw (the signal's price, the bar's close),
     * which a market order's slippage is measured against; null if not known. A stop or a limit is
     * measured against its own price whatever is given ({@link DecisionPrice}). {@code trace} is the decision chain the
     * order belongs to when its id does not say it (a position's exit: the entry's); null: read from the id ({@link TraceId#ofOrder}).
     */
    public record Place(OrderRequest request, String positionId, Price decisionPrice, TraceId trace, ActorRef<OrderState> replyTo)
            implements Command {
        public Place(OrderRequest request, String positionId, Price decisionPrice, ActorRef<OrderState> replyTo) {
            this(request, positionId, decisionPrice, null, replyTo);
        }

        /** Without a decision price: the order's own price, if it has one, is its decision price. */
        public Place(OrderRequest request, String positionId, ActorRef<OrderState> replyTo) {
            this(request, positionId, null, null, replyTo);
        }
    }

    /** After a restart: ask the venue about an open order and send it again if the venue never got it. */
    public record Reconcile(ActorRef<OrderState> replyTo) implements Command {
    }

    public record ApplyFill(Fill fill, ActorRef<FillApplied> replyTo) implements Command {
    }

    public record GetOrder(ActorRef<OrderState> replyTo) implements Command {
    }

    /**
     * Ask the venue to cancel an open order (the account flattening after a floor). Replies with
     * the order after the venue's answer: CANCELLED if it was, unchanged if the venue refused
     * (it may have filled: its fill arrives on its own).
     */
    public record Cancel(String reason, ActorRef<OrderState> replyTo) implements Command {
    }

    private record CancelAnswered(SubmitResult result, String reason) implements Command {
    }

    private record SubmissionAnswered(SubmitResult result) implements Command {
    }

    /** The venue refused a cancel; what it says of the order decides whether it has ended there. */
    private record CancelRefusedQueried(Optional<OrderStatus> venueStatus) implements Command {
    }

    /** Ask the venue again (an UNKNOWN order, or an order it denied knowing fewer times than proves it never arrived). */
    private record Requery() implements Command {
    }

    private record QueryAnswered(Optional<OrderStatus> venueStatus, String error) implements Command {
    }

    /** {@code applied} is false for a trade id seen before; {@code known} is false for an order we never placed. */
    public record FillApplied(boolean known, boolean applied, OrderState order) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
    }

    /**
     * @param decisionPrice the price the order was decided at; null if not known
     * @param decidedAt     the wall-clock instant the request was journaled, where latencies start; null in journals written before it
     * @param traceId       the decision chain the order belongs to, only when its id cannot say it (a position's exit orders);
     *                      null otherwise, and in journals written before it (for logs only: nothing decides on it)
     */
    public record OrderRequested(OrderRequest request, String positionId, Price decisionPrice, Instant decidedAt, String traceId) implements Event {
        public OrderRequested(OrderRequest request, String positionId, Price decisionPrice, Instant decidedAt) {
            this(request, positionId, decisionPrice, decidedAt, null);
        }

        /** As journaled before decision prices and instants were recorded. */
        public OrderRequested(OrderRequest request, String positionId) {
            this(request, positionId, null, null, null);
        }
    }

    public record OrderSubmitted(String clientOrderId) implements Event {
    }

    /**
     * @param venueQuantity what the venue took when less than requested (an exit capped at the holding); null: as requested
     * @param ackedAt       the wall-clock instant the acceptance arrived; null in journals written before it
     */
    public record OrderAccepted(String venueOrderId, Quantity venueQuantity, Instant ackedAt) implements Event {
        public OrderAccepted(String venueOrderId) {
            this(venueOrderId, null, null);
        }

        public OrderAccepted(String venueOrderId, Quantity venueQuantity) {
            this(venueOrderId, venueQuantity, null);
        }
    }

    public record OrderRejected(String reason) implements Event {
    }

    public record OrderStatusUnknown(String reason) implements Event {
    }

    /** @param arrivedAt the wall-clock instant the fill arrived here; null in journals written before it */
    public record OrderFilled(Fill fill, OrderStatus statusAfter, Instant arrivedAt) implements Event {
        public OrderFilled(Fill fill, OrderStatus statusAfter) {
            this(fill, statusAfter, null);
        }
    }

    public record OrderCancelled(String reason) implements Event {
    }

    /** The venue ended the order without (further) fills: a reduce-only exit with nothing left to reduce, say. */
    public record OrderExpired(String reason) implements Event {
    }

    private final ActorContext<Command> context;
    private final String clientOrderId;
    private final ExecutionClient client;
    /** Read for latency measurements only (see the class comment). */
    private final InstantSource wallClock;
    /** Who waits for the venue's answer. Not state: an ask that outlives a restart times out and is retried. */
    private final List<ActorRef<OrderState>> waiting = new ArrayList<>();
    /** Who waits for the venue's answer to a cancel; not state, like {@link #waiting}. */
    private final List<ActorRef<OrderState>> cancelling = new ArrayList<>();

    /** Between two queries of an order whose fate is not known. */
    static final Duration QUERY_INTERVAL = Duration.ofSeconds(1);
    private static final Object REQUERY = "requery";
    private final TimerScheduler<Command> timers;
    /** "Does not exist" answers in a row; kept in memory only: after a restart the count starts again, which is the safe side. */
    private int notFound;
    /** A cancel was refused for an order the venue did not know: a proven absence ends it as cancelled, never resends it. */
    private boolean cancelWanted;

    private OrderEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String clientOrderId, ExecutionClient client,
                        PersistenceTuning tuning, InstantSource wallClock) {
        super(PersistenceId.of(TYPE_KEY.name(), clientOrderId), tuning.backoff());
        this.context = context;
        this.timers = timers;
        this.clientOrderId = new ClientOrderId(clientOrderId).value();
        this.client = client;
        this.wallClock = wallClock;
    }

    public static Behavior<Command> create(String clientOrderId, ExecutionClient client, PersistenceTuning tuning) {
        return create(clientOrderId, client, tuning, InstantSource.system());
    }

    /** {@code wallClock} stamps the latency measurements (a test's clock, say). */
    public static Behavior<Command> create(String clientOrderId, ExecutionClient client, PersistenceTuning tuning, InstantSource wallClock) {
        return Behaviors.withTimers(timers -> Behaviors.setup(ctx -> new OrderEntity(ctx, timers, clientOrderId, client, tuning, wallClock)));
    }

    @Override
    public OrderState emptyState() {
        return OrderState.empty();
    }

    @Override
    public CommandHandlerWithReply<Command, Event, OrderState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Place.class, this::onPlace)
                .onCommand(Reconcile.class, this::onReconcile)
                .onCommand(CancelRefusedQueried.class, this::onCancelRefusedQueried)
                .onCommand(SubmissionAnswered.class, this::onSubmissionAnswered)
                .onCommand(QueryAnswered.class, this::onQueryAnswered)
                .onCommand(Requery.class, this::onRequery)
                .onCommand(ApplyFill.class, this::onApplyFill)
                .onCommand(Cancel.class, this::onCancel)
                .onCommand(CancelAnswered.class, this::onCancelAnswered)
                .onCommand(GetOrder.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, OrderState> onPlace(OrderState state, Place cmd) {
        if (!cmd.request().clientOrderId().value().equals(clientOrderId)) {
            throw new IllegalArgumentException("request " + cmd.request().clientOrderId() + " sent to order " + clientOrderId);
        }
        if (!state.exists()) {
            waiting.add(cmd.replyTo());
            // Journaled only when the id cannot say it, so an entry's event is what it always was.
            String handedTrace = cmd.trace() == null || cmd.trace().equals(TraceId.ofOrder(cmd.request().clientOrderId())) ? null : cmd.trace().value();
            return Effect().persist(new OrderRequested(cmd.request(), cmd.positionId(), DecisionPrice.of(cmd.request(), cmd.decisionPrice()),
                            wallClock.instant(), handedTrace))
                    .thenRun(s -> {
                        logRequested(s);
                        CrashPoints.reached(CrashPoints.Point.ORDER_JOURNALED_NOT_SENT, s.request().type());
                        TradingMetrics.orderSubmitted(s.request().instrument().value(), s.request().type().name());
                        send(s);
                    })
                    .thenNoReply();
        }
        if (state.status() == OrderStatus.NEW) {
            // Journaled but the answer was never recorded (a crash between): the venue may have it
            // (an exchange accepts a used id again once the first order is done), so ask before
            // sending again under the same id.
            waiting.add(cmd.replyTo());
            query();
            return Effect().noReply();
        }
        return Effect().reply(cmd.replyTo(), state);
    }

    private ReplyEffect<Event, OrderState> onReconcile(OrderState state, Reconcile cmd) {
        if (!state.exists() || state.status().isTerminal()) {
            return Effect().reply(cmd.replyTo(), state);
        }
        waiting.add(cmd.replyTo());
        query();
        return Effect().noReply();
    }

    private ReplyEffect<Event, OrderState> onRequery(OrderState state, Requery cmd) {
        if (state.exists() && !state.status().isTerminal()) {
            query();
        }
        return Effect().noReply();
    }

    /**
     * One query a {@link #QUERY_INTERVAL} from now, unless one is already due: a flood of commands
     * (a cancel every bar) must neither postpone the query for ever nor shorten the interval that
     * makes repeated denials mean something.
     */
    private void requeryLater() {
        if (!timers.isTimerActive(REQUERY)) {
            timers.startSingleTimer(REQUERY, new Requery(), QUERY_INTERVAL);
        }
    }

    private void query() {
        context.pipeToSelf(client.query(new ClientOrderId(clientOrderId)),
                (status, error) -> new QueryAnswered(error == null ? status : Optional.empty(), error == null ? null : String.valueOf(error.getMessage())));
    }

    /**
     * What the venue says of an order we are not sure of. An error proves nothing: ask again
     * later. "Does not exist" proves the order never arrived only when the venue says so
     * {@link ExecutionClient#notFoundAnswersToConclude} times in a row; then it is sent again
     * under the same id. An order the venue has is adopted as it stands there (its fills come
     * on their own).
     */
    private ReplyEffect<Event, OrderState> onQueryAnswered(OrderState state, QueryAnswered answer) {
        if (state.status().isTerminal()) {
            answerWaiting(state);
            return Effect().noReply();
        }
        if (answer.error() != null) {
            log(state, () -> LOG.info("order {} in {}: query failed ({}): asking again in {}", clientOrderId, state.status(), answer.error(),
                    QUERY_INTERVAL));
            requeryLater();
            answerWaiting(state);
            return Effect().noReply();
        }
        if (answer.venueStatus().isEmpty()) {
            notFound++;
            if (notFound < client.notFoundAnswersToConclude()) {
                log(state, () -> LOG.info("order {} in {}: {} does not know it ({} of {} answers that would prove it never arrived): asking again",
                        clientOrderId, state.status(), client.venue(), notFound, client.notFoundAnswersToConclude()));
                requeryLater();
                return Effect().noReply();
            }
            notFound = 0;
            if (cancelWanted) {
                // We were cancelling it and the venue has no such order: there is nothing left to cancel or to fill.
                log(state, () -> LOG.info("order {} is {} here but unknown to {} after a refused cancel: cancelled", clientOrderId, state.status(),
                        client.venue()));
                return Effect().persist(new OrderCancelled("not at " + client.venue() + " after a refused cancel")).thenRun(this::answerWaiting)
                        .thenNoReply();
            }
            log(state, () -> LOG.info("order {} is {} here but unknown to {}: sending it again under the same id", clientOrderId, state.status(),
                    client.venue()));
            send(state);
            return Effect().noReply();
        }
        notFound = 0;
        Optional<Event> ended = endedAtVenue(state, answer.venueStatus());
        if (ended.isPresent()) {
            return Effect().persist(ended.get()).thenRun(this::answerWaiting).thenNoReply();
        }
        OrderStatus there = answer.venueStatus().get();
        boolean venueHasIt = there == OrderStatus.ACCEPTED || there == OrderStatus.PARTIALLY_FILLED || there == OrderStatus.FILLED;
        if (venueHasIt && (state.status() == OrderStatus.NEW || state.status() == OrderStatus.SUBMITTED || state.status() == OrderStatus.UNKNOWN)) {
            // Sent, but the answer was lost (UNKNOWN) or never journaled (a crash after sending): the venue's word is the answer.
            log(state, () -> LOG.info("order {} was {} here: {} has it ({})", clientOrderId, state.status(), client.venue(), there));
            OrderAccepted accepted = new OrderAccepted("", null, wallClock.instant());
            List<Event> adopt = state.status() == OrderStatus.NEW ? List.of(new OrderSubmitted(clientOrderId), accepted) : List.of(accepted);
            return Effect().persist(adopt).thenRun(this::answerWaiting).thenNoReply();
        }
        answerWaiting(state);
        return Effect().noReply();
    }

    private void send(OrderState state) {
        context.pipeToSelf(client.submit(state.request()),
                (result, error) -> new SubmissionAnswered(error == null ? result
                        : SubmitResult.unknown(new ClientOrderId(clientOrderId), String.valueOf(error.getMessage()))));
    }

    private ReplyEffect<Event, OrderState> onSubmissionAnswered(OrderState state, SubmissionAnswered answer) {
        CrashPoints.reached(CrashPoints.Point.SENT_ANSWER_NOT_JOURNALED, state.request().type());
        SubmitResult result = answer.result();
        List<Event> events = new ArrayList<>(2);
        OrderStatus status = state.status();
        if (status == OrderStatus.NEW) {
            events.add(new OrderSubmitted(clientOrderId));
            status = OrderStatus.SUBMITTED;
        } else if (status == OrderStatus.UNKNOWN && OrderStateMachine.next(status, OrderTransition.SUBMIT).isPresent()) {
            events.add(new OrderSubmitted(clientOrderId));
            status = OrderStatus.SUBMITTED;
        }
        OrderTransition transition = switch (result.outcome()) {
            case ACCEPTED -> OrderTransition.ACCEPT;
            case REJECTED -> OrderTransition.REJECT;
            case UNKNOWN -> OrderTransition.MARK_UNKNOWN;
        };
        boolean answered = OrderStateMachine.next(status, transition).isPresent();
        if (answered) {
            events.add(switch (result.outcome()) {
                case ACCEPTED -> new OrderAccepted(result.venueOrderId(),
                        result.venueQuantity() != null && result.venueQuantity().compareTo(state.request().quantity()) < 0 ? result.venueQuantity() : null,
                        wallClock.instant());
                case REJECTED -> new OrderRejected(result.reason());
                case UNKNOWN -> new OrderStatusUnknown(result.reason());
            });
        } else {
            // A late answer (the order already filled, say) cannot move it backwards.
            OrderStatus now = status;
            log(state, () -> LOG.debug("order {} in {} ignores venue answer {}", clientOrderId, now, result.outcome()));
        }
        if (events.isEmpty()) {
            answerWaiting(state);
            return Effect().noReply();
        }
        return Effect().persist(events).thenRun(s -> {
            if (answered) {
                logAnswer(s, result);
            }
            if (s.status() == OrderStatus.UNKNOWN) {
                // Never left UNKNOWN: the venue is asked until it says what became of the order.
                requeryLater();
            }
            answerWaiting(s);
        }).thenNoReply();
    }

    /** The order's first line: journaled, about to be sent. */
    private void logRequested(OrderState s) {
        OrderRequest r = s.request();
        log(s, () -> LOG.info("order {} requested: {} {} {} {}{}{} (position {})", clientOrderId, r.side(), r.type(), r.quantity(), r.instrument(),
                r.limitPrice() == null ? "" : " at " + r.limitPrice(), r.reduceOnly() ? " reduce-only" : "", s.positionId()));
    }

    /** The venue's answer, once journaled: an order it refused or left in doubt is worth a warning. */
    private void logAnswer(OrderState s, SubmitResult result) {
        switch (result.outcome()) {
            case ACCEPTED -> log(s, () -> LOG.info("order {} accepted by {}", clientOrderId, client.venue()));
            case REJECTED -> log(s, () -> LOG.warn("order {} REJECTED by {}: {}", clientOrderId, client.venue(), result.reason()));
            case UNKNOWN -> log(s, () -> LOG.warn("order {} UNKNOWN at {} ({}): asking the venue until it says", clientOrderId, client.venue(),
                    result.reason()));
        }
    }

    /** {@code line} with the order's entity id and trace id. */
    private void log(OrderState state, Runnable line) {
        LogScope.run(persistenceId().id(), state.exists() ? state.trace() : TraceId.ofOrder(new ClientOrderId(clientOrderId)), line);
    }

    private void answerWaiting(OrderState state) {
        waiting.forEach(r -> r.tell(state));
        waiting.clear();
    }

    private ReplyEffect<Event, OrderState> onApplyFill(OrderState state, ApplyFill cmd) {
        Fill fill = cmd.fill();
        if (!state.exists()) {
            log(state, () -> LOG.warn("fill {} for order {} that was never placed here", fill.tradeId(), clientOrderId));
            return Effect().reply(cmd.replyTo(), new FillApplied(false, false, state));
        }
        if (state.hasTrade(fill.tradeId().value())) {
            return Effect().reply(cmd.replyTo(), new FillApplied(true, false, state));
        }
        CrashPoints.reached(CrashPoints.Point.FILL_ARRIVED_NOT_JOURNALED, state.request().type());
        OrderStatus from = state.status();
        if (from.isTerminal()) {
            // A venue can fill what we already count as cancelled (the cancel raced the fill) or
            // fill more than asked: the trade happened, so it is recorded and passed on to the
            // position and the account; the status stays where the state machine put it.
            log(state, () -> LOG.warn("fill {} of {} arrived for order {} already {}: booked as a late fill", fill.tradeId(), fill.quantity(),
                    clientOrderId, state.status()));
            return Effect().persist(new OrderFilled(fill, from, wallClock.instant())).thenReply(cmd.replyTo(), s -> new FillApplied(true, true, s));
        }
        boolean complete = state.filledQuantity().plus(fill.quantity()).compareTo(state.request().quantity()) >= 0;
        OrderTransition transition = complete ? OrderTransition.FILL : OrderTransition.PARTIAL_FILL;
        List<Event> events = new ArrayList<>(2);
        if (from == OrderStatus.NEW) {
            // The fill proves the venue has the order even if its answer is still on the way.
            events.add(new OrderSubmitted(clientOrderId));
            from = OrderStatus.SUBMITTED;
        }
        OrderStatus next = OrderStateMachine.require(from, transition);
        events.add(new OrderFilled(fill, next, wallClock.instant()));
        return Effect().persist(events).thenRun(OrderEntity::measured).thenReply(cmd.replyTo(), s -> new FillApplied(true, true, s));
    }

    /** A fill's latency from the decision; a completed order's slippage against the decision price. */
    private static void measured(OrderState s) {
        TradingMetrics.fillArrived(s.decisionToLastFill());
        if (s.status() == OrderStatus.FILLED) {
            TradingMetrics.slippage(s.request().instrument().value(), s.slippageBps());
        }
    }

    private ReplyEffect<Event, OrderState> onCancel(OrderState state, Cancel cmd) {
        if (!state.exists() || state.status().isTerminal()) {
            return Effect().reply(cmd.replyTo(), state);
        }
        cancelling.add(cmd.replyTo());
        context.pipeToSelf(client.cancel(new ClientOrderId(clientOrderId)),
                (result, error) -> new CancelAnswered(error == null ? result
                        : SubmitResult.unknown(new ClientOrderId(clientOrderId), String.valueOf(error.getMessage())), cmd.reason()));
        return Effect().noReply();
    }

    private ReplyEffect<Event, OrderState> onCancelAnswered(OrderState state, CancelAnswered answer) {
        boolean cancelled = answer.result().outcome() == SubmitOutcome.ACCEPTED
                && OrderStateMachine.next(state.status(), OrderTransition.CANCEL).isPresent();
        if (!cancelled) {
            log(state, () -> LOG.info("order {} in {} not cancelled by {}: {}", clientOrderId, state.status(), client.venue(),
                    answer.result().reason()));
            if (answer.result().outcome() == SubmitOutcome.REJECTED && !state.status().isTerminal()) {
                // "Not open" may mean the venue ended it on its own: ask, rather than keep believing it rests.
                context.pipeToSelf(client.query(new ClientOrderId(clientOrderId)),
                        (status, error) -> new CancelRefusedQueried(error == null ? status : Optional.empty()));
                return Effect().noReply();
            }
            answerCancelling(state);
            return Effect().noReply();
        }
        return Effect().persist(new OrderCancelled(answer.reason())).thenRun(s -> {
            log(s, () -> LOG.info("order {} cancelled: {}", clientOrderId, answer.reason()));
            answerCancelling(s);
        }).thenNoReply();
    }

    private ReplyEffect<Event, OrderState> onCancelRefusedQueried(OrderState state, CancelRefusedQueried answer) {
        Optional<Event> ended = endedAtVenue(state, answer.venueStatus());
        if (ended.isEmpty()) {
            if (answer.venueStatus().isEmpty() && !state.status().isTerminal()) {
                // The venue refused the cancel and does not know the order: one denial proves nothing,
                // so ask again until it says what became of it (or proves it is not there).
                cancelWanted = true;
                requeryLater();
            }
            answerCancelling(state);
            return Effect().noReply();
        }
        return Effect().persist(ended.get()).thenRun(this::answerCancelling).thenNoReply();
    }

    /**
     * The event that adopts what the venue says when it ended an order we still think open:
     * EXPIRED or CANCELLED there. A FILLED order's fill arrives on its own and is not guessed.
     */
    private Optional<Event> endedAtVenue(OrderState state, Optional<OrderStatus> venue) {
        if (venue.isEmpty() || state.status().isTerminal()) {
            return Optional.empty();
        }
        if (venue.get() == OrderStatus.EXPIRED && OrderStateMachine.next(state.status(), OrderTransition.EXPIRE).isPresent()) {
            log(state, () -> LOG.info("order {} expired at {}", clientOrderId, client.venue()));
            return Optional.of(new OrderExpired("expired at " + client.venue()));
        }
        if (venue.get() == OrderStatus.CANCELLED && OrderStateMachine.next(state.status(), OrderTransition.CANCEL).isPresent()) {
            log(state, () -> LOG.info("order {} cancelled at {}", clientOrderId, client.venue()));
            return Optional.of(new OrderCancelled("cancelled at " + client.venue()));
        }
        return Optional.empty();
    }

    private void answerCancelling(OrderState state) {
        cancelling.forEach(r -> r.tell(state));
        cancelling.clear();
    }

    /** Every step of an order's life goes into the audit trail. */
    @Override
    public Set<String> tagsFor(Event event) {
        return AuditTag.audited();
    }

    @Override
    public EventHandler<OrderState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(OrderEntity::applied);
    }

    /**
     * The state after {@code e}: the entity's event handler, public so that readers of the journal (the daily export) rebuild
     * an order exactly as the entity does.
     */
    public static OrderState applied(OrderState s, Event e) {
        if (e instanceof OrderRequested r) {
            return s.requested(r.request(), r.positionId(), r.decisionPrice(), r.decidedAt(), r.traceId());
        } else if (e instanceof OrderSubmitted) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.SUBMIT), null, null);
        } else if (e instanceof OrderAccepted a) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.ACCEPT), a.venueOrderId(), null).sizedAt(a.venueQuantity())
                    .acknowledged(a.ackedAt());
        } else if (e instanceof OrderRejected r) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.REJECT), null, r.reason());
        } else if (e instanceof OrderStatusUnknown u) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.MARK_UNKNOWN), null, u.reason());
        } else if (e instanceof OrderFilled f) {
            return s.filled(f.fill(), f.statusAfter(), f.arrivedAt());
        } else if (e instanceof OrderCancelled c) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.CANCEL), null, c.reason());
        } else if (e instanceof OrderExpired x) {
            return s.moved(OrderStateMachine.require(s.status(), OrderTransition.EXPIRE), null, x.reason());
        }
        throw new IllegalArgumentException("not an order event: " + e);
    }

    /** An order rebuilt from its events, in journal order. */
    public static OrderState replayed(Iterable<? extends Event> events) {
        OrderState s = OrderState.empty();
        for (Event e : events) {
            s = applied(s, e);
        }
        return s;
    }
}
