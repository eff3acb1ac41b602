package dev.trader.engine.audit;

import dev.trader.engine.settings.AuditSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The projection that writes the audit trail: it reads the events tagged {@link AuditTag#TAG} from
 * the journal after its offset, chains them ({@link AuditStore#append}: records and offset in one
 * transaction) and reads again, at once while full batches come, else after the poll interval. One
 * batch at a time, so records are written serially; {@link AuditTrails} runs it as the cluster's
 * singleton. A failure (database away, say) is logged and retried from the offset in the database,
 * with a growing pause: a batch that did commit is not written twice.
 */
public final class AuditTrail extends AbstractBehavior<AuditTrail.Command> {
    public sealed interface Command {
    }

    private record OffsetLoaded(long offset) implements Command {
    }

    private record Poll() implements Command {
    }

    private record Read(List<EventEnvelope> envelopes) implements Command {
    }

    private record Written(int records, long offset, boolean full) implements Command {
    }

    private record Failed(String step, Throwable cause) implements Command {
    }

    private static final Object POLL = "poll";
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);

    private final AuditSettings settings;
    private final AuditStore store;
    private final CanonicalJson json;
    private final CurrentEventsByTagQuery journal;
    private final TimerScheduler<Command> timers;
    private final Executor blocking;
    private long offset;
    /** The offset in memory may be behind the database's (after a failure): read it before the next poll. */
    private boolean offsetStale = true;
    private boolean announced;
    private int failures;

    private AuditTrail(ActorContext<Command> context, TimerScheduler<Command> timers, AuditSettings settings, AuditStore store, CanonicalJson json,
                       CurrentEventsByTagQuery journal) {
        super(context);
        this.timers = timers;
        this.settings = settings;
        this.store = store;
        this.json = json;
        this.journal = journal;
        this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        context.getSelf().tell(new Poll());
    }

    public static Behavior<Command> create(AuditSettings settings, AuditStore store, CanonicalJson json, CurrentEventsByTagQuery journal) {
        Behavior<Command> trail = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AuditTrail(ctx, timers, settings, store, json, journal)));
        return Behaviors.supervise(trail).onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), MAX_RETRY_PAUSE, 0.2));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(OffsetLoaded.class, this::onOffsetLoaded)
                .onMessage(Poll.class, this::onPoll)
                .onMessage(Read.class, this::onRead)
                .onMessage(Written.class, this::onWritten)
                .onMessage(Failed.class, this::onFailed)
                .build();
    }

    private Behavior<Command> onPoll(Poll m) {
        if (offsetStale) {
            loadOffset();
            return this;
        }
        return poll();
    }

    private void loadOffset() {
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return store.offset();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking), (offset, e) -> e == null ? new OffsetLoaded(offset) : new Failed("reading the offset", e));
    }

    private Behavior<Command> onOffsetLoaded(OffsetLoaded m) {
        if (!announced) {
            getContext().getLog().info("audit trail: chaining the journal's audited events after ordering {}", m.offset());
            announced = true;
        }
        offset = m.offset();
        offsetStale = false;
        return poll();
    }

    private Behavior<Command> poll() {
        getContext().pipeToSelf(journal.currentEventsByTag(AuditTag.TAG, Offset.sequence(offset)).take(settings.batchSize())
                .runWith(Sink.seq(), getContext().getSystem()), (envelopes, e) -> e == null ? new Read(envelopes) : new Failed("reading the journal", e));
        return this;
    }

    private Behavior<Command> onRead(Read m) {
        if (m.envelopes().isEmpty()) {
            failures = 0;
            timers.startSingleTimer(POLL, new Poll(), settings.pollInterval());
            return this;
        }
        boolean full = m.envelopes().size() >= settings.batchSize();
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            List<AuditedEvent> events = encoded(m.envelopes());
            try {
                return new Written(store.append(events), events.get(events.size() - 1).journalOrdering(), full);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking), (written, e) -> e == null ? written : new Failed("writing the audit log", e));
        return this;
    }

    private List<AuditedEvent> encoded(List<EventEnvelope> envelopes) {
        List<AuditedEvent> out = new ArrayList<>(envelopes.size());
        for (EventEnvelope env : envelopes) {
            Object event = env.event();
            out.add(new AuditedEvent(((Sequence) env.offset()).value(), Instant.ofEpochMilli(env.timestamp()), env.persistenceId(), env.sequenceNr(),
                    event.getClass().getSimpleName(), json.encode(event)));
        }
        return out;
    }

    private Behavior<Command> onWritten(Written m) {
        failures = 0;
        offset = m.offset();
        getContext().getLog().debug("audit trail: {} record(s) chained, journal ordering {}", m.records(), m.offset());
        if (m.full()) {
            return poll();
        }
        timers.startSingleTimer(POLL, new Poll(), settings.pollInterval());
        return this;
    }

    private Behavior<Command> onFailed(Failed m) {
        failures++;
        Throwable cause = m.cause() instanceof CompletionException && m.cause().getCause() != null ? m.cause().getCause() : m.cause();
        Duration pause = pause();
        getContext().getLog().warn("audit trail: {} failed (attempt {}), again in {} ms: {}", m.step(), failures, pause.toMillis(), cause.toString());
        // The offset is read again: a write whose answer was lost may have committed.
        offsetStale = true;
        timers.startSingleTimer(POLL, new Poll(), pause);
        return this;
    }

    private Duration pause() {
        long millis = settings.pollInterval().toMillis() << Math.min(failures - 1, 10);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY_PAUSE.toMillis()));
    }
}
