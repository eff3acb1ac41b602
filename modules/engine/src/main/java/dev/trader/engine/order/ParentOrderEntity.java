package dev.trader.engine.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.settings.PersistenceTuning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A large order executed by an algorithm, keyed by the client order id the account approved it
 * under. It journals its plan when it starts and every child before anyone places it; each child
 * is an Order entity of its own ({@link ChildOrder}, id from {@code ChildOrderIds}), placed by the
 * caller through {@link OrderEntity}, so every child has the exactly-once machinery of any order.
 * It steps on the bars of its instrument and on what its children did ({@link NextChild} decides),
 * and is restart-safe: a child is created once per sequence number, and a created child that was
 * never placed is placed by the next step (placing is idempotent by client order id).
 */
public final class ParentOrderEntity
        extends EventSourcedBehaviorWithEnforcedReplies<ParentOrderEntity.Command, ParentOrderEntity.Event, ParentOrderState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "ParentOrder");
    private static final Logger LOG = LoggerFactory.getLogger(ParentOrderEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    /** Journal the spec (if new) and step at the bar that decided it; a parent that exists answers with its working child to make sure of. */
    public record Start(ParentSpec spec, ParentBar bar, ActorRef<ParentStep> replyTo) implements Command {
    }

    /** A bar of the instrument closed; {@code report} is the working child as its Order entity has it (null: none, or not placed yet). */
    public record Advance(ParentBar bar, ChildReport report, ActorRef<ParentStep> replyTo) implements Command {
    }

    /** Stop: nothing new goes out; the next step cancels the working child and ends the parent. */
    public record Cancel(String reason, ActorRef<ParentOrderState> replyTo) implements Command {
    }

    public record GetParent(ActorRef<ParentOrderState> replyTo) implements Command {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record ParentStarted(ParentSpec spec) implements Event {
    }

    /** Journaled before the child is placed. */
    public record ChildCreated(ChildOrder child, Instant at) implements Event {
    }

    /** What the parent saw of a child: its status and what it filled. */
    public record ChildSeen(int seq, OrderStatus status, Quantity filled) implements Event {
    }

    public record CancelRequested(String reason) implements Event {
    }

    public record ParentEnded(ParentStatus status, String reason, Instant at) implements Event {
    }

    private final String parentId;
    private final PersistenceTuning tuning;

    private ParentOrderEntity(String parentId, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), parentId), tuning.backoff());
        this.parentId = parentId;
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String parentId, PersistenceTuning tuning) {
        return new ParentOrderEntity(parentId, tuning);
    }

    @Override
    public ParentOrderState emptyState() {
        return ParentOrderState.empty(parentId);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, ParentOrderState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Start.class, this::onStart)
                .onCommand(Advance.class, this::onAdvance)
                .onCommand(Cancel.class, this::onCancel)
                .onCommand(GetParent.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, ParentOrderState> onStart(ParentOrderState state, Start cmd) {
        if (!cmd.spec().parent().clientOrderId().value().equals(parentId)) {
            throw new IllegalArgumentException("parent " + cmd.spec().parent().clientOrderId() + " sent to parent order " + parentId);
        }
        if (state.exists()) {
            // Started before (a replayed decision): the working child, which may never have been placed, is placed again.
            ChildOrder working = state.workingChild();
            ParentStep step = state.status().isOver() ? new ParentStep(ParentStep.Action.DONE, null, state)
                    : working != null ? new ParentStep(ParentStep.Action.PLACE, working, state) : ParentStep.waiting(state);
            return Effect().reply(cmd.replyTo(), step);
        }
        List<Event> events = new ArrayList<>();
        events.add(new ParentStarted(cmd.spec()));
        return stepped(events, apply(state, events), cmd.bar(), cmd.replyTo());
    }

    private ReplyEffect<Event, ParentOrderState> onAdvance(ParentOrderState state, Advance cmd) {
        if (!state.exists()) {
            return Effect().reply(cmd.replyTo(), ParentStep.waiting(state));
        }
        List<Event> events = new ArrayList<>();
        ChildOrder current = state.current();
        ChildReport report = cmd.report();
        if (current != null && report != null && report.clientOrderId().equals(current.clientOrderId())
                && (report.status() != current.status() || !report.filled().equals(current.filled()))) {
            events.add(new ChildSeen(current.seq(), report.status(), report.filled()));
        }
        return stepped(events, apply(state, events), cmd.bar(), cmd.replyTo());
    }

    /** Adds what {@link NextChild} decides at {@code bar} to {@code events}, journals them all, and answers with the step. */
    private ReplyEffect<Event, ParentOrderState> stepped(List<Event> events, ParentOrderState before, ParentBar bar, ActorRef<ParentStep> replyTo) {
        NextChild.Decision decision = NextChild.decide(before, bar);
        ParentStep.Action action = ParentStep.Action.WAIT;
        ChildOrder child = null;
        if (decision instanceof NextChild.Create c) {
            events.add(new ChildCreated(c.child(), bar.time()));
            action = ParentStep.Action.PLACE;
            child = c.child();
        } else if (decision instanceof NextChild.Cancel c) {
            action = ParentStep.Action.CANCEL;
            child = c.child();
        } else if (decision instanceof NextChild.End e) {
            events.add(new ParentEnded(e.status(), e.reason(), bar.time()));
            action = ParentStep.Action.DONE;
        } else if (before.status().isOver()) {
            action = ParentStep.Action.DONE;
        }
        ParentStep.Action answer = action;
        ChildOrder subject = child;
        if (events.isEmpty()) {
            return Effect().reply(replyTo, new ParentStep(answer, subject, before));
        }
        return Effect().persist(events).thenRun(s -> logged(events, s)).thenReply(replyTo, s -> new ParentStep(answer, subject, s));
    }

    private ReplyEffect<Event, ParentOrderState> onCancel(ParentOrderState state, Cancel cmd) {
        if (!state.exists() || state.status() != ParentStatus.WORKING) {
            return Effect().reply(cmd.replyTo(), state);
        }
        return Effect().persist(new CancelRequested(cmd.reason()))
                .thenRun(s -> log(() -> LOG.info("parent order {} cancelling: {}", parentId, cmd.reason())))
                .thenReply(cmd.replyTo(), s -> s);
    }

    /** {@code line} with the parent's entity id and trace id (an entry's: its signal's chain). */
    private void log(Runnable line) {
        LogScope.run(persistenceId().id(), TraceId.ofOrder(new ClientOrderId(parentId)), line);
    }

    private void logged(List<Event> events, ParentOrderState s) {
        log(() -> logEach(events, s));
    }

    private void logEach(List<Event> events, ParentOrderState s) {
        for (Event e : events) {
            if (e instanceof ParentStarted p) {
                LOG.info("parent order {} ({} {} {}) started at {}: {}", parentId, p.spec().parent().side(), p.spec().parent().quantity(),
                        p.spec().parent().instrument(), p.spec().start(), p.spec().describe());
            } else if (e instanceof ChildCreated c) {
                LOG.info("parent order {}: child {} {} {}{} ({})", parentId, c.child().clientOrderId(), c.child().request().type(),
                        c.child().request().quantity(), c.child().request().limitPrice() == null ? "" : " at " + c.child().request().limitPrice(),
                        c.child().reason());
            } else if (e instanceof ParentEnded end) {
                LOG.info("parent order {} {}: {} (filled {} of {})", parentId, end.status(), end.reason(), s.filled(), s.quantity());
            }
        }
    }

    private static ParentOrderState apply(ParentOrderState state, List<Event> events) {
        ParentOrderState s = state;
        for (Event e : events) {
            s = applied(s, e);
        }
        return s;
    }

    private static ParentOrderState applied(ParentOrderState s, Event e) {
        if (e instanceof ParentStarted p) {
            return s.started(p.spec());
        }
        if (e instanceof ChildCreated c) {
            return s.childCreated(c.child(), c.at());
        }
        if (e instanceof ChildSeen c) {
            return s.childSeen(c.seq(), c.status(), c.filled());
        }
        if (e instanceof CancelRequested c) {
            return s.cancelRequested(c.reason());
        }
        ParentEnded end = (ParentEnded) e;
        return s.ended(end.status(), end.reason(), end.at());
    }

    @Override
    public EventHandler<ParentOrderState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(ParentOrderEntity::applied);
    }

    /** A parent's plan and every child it creates are part of the audit trail, as the children's own orders are. */
    @Override
    public java.util.Set<String> tagsFor(Event event) {
        return dev.trader.engine.audit.AuditTag.audited();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
