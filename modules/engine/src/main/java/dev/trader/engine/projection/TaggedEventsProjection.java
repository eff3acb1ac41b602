package dev.trader.engine.projection;

import java.sql.SQLException;
import java.time.Duration;
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
 * A projection of the journal's events with one tag into database tables: it reads the events
 * after its offset, hands the batch to its {@link Writer} (rows and offset in one transaction) and
 * reads again, at once while full batches come, else after the poll interval. One batch at a time,
 * so rows are written serially; run it as the cluster's singleton. A failure (database away, say)
 * is logged and retried from the offset in the database, with a growing pause: a batch that did
 * commit is not written twice.
 *
 * <p>The audit trail and the read model are two of these; what differs is the tag, the writer and
 * the words of the log lines.
 */
public final class TaggedEventsProjection extends AbstractBehavior<TaggedEventsProjection.Command> {
    /** Where the projection's rows go: blocking JDBC, called off the actors' threads. */
    public interface Writer {
        /** The journal ordering of the last event taken in: the next read starts after it. */
        long offset() throws SQLException;

        /**
         * Takes in {@code events} (in journal order) and moves the offset to the last one's ordering,
         * all or nothing; an event taken in before must change nothing. Returns the rows written.
         */
        int write(List<EventEnvelope> events) throws SQLException;
    }

    /**
     * How the projection is named in its log lines: {@code "<name>: <starting> after ordering n"},
     * {@code "<name>: n <written>, journal ordering m"}, {@code "<name>: <writing> failed ..."}.
     */
    public record Wording(String name, String starting, String written, String writing) {
    }

    /**
     * @param logger the class whose logger the projection logs with (the projection's own, not this one)
     */
    public record Settings(String tag, Duration pollInterval, int batchSize, Wording wording, Class<?> logger) {
    }

    public sealed interface Command {
    }

    private record OffsetLoaded(long offset) implements Command {
    }

    private record Poll() implements Command {
    }

    private record Read(List<EventEnvelope> envelopes) implements Command {
    }

    private record Written(int rows, long offset, boolean full) implements Command {
    }

    private record Failed(String step, Throwable cause) implements Command {
    }

    private static final Object POLL = "poll";
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);

    private final Settings settings;
    private final Writer writer;
    private final CurrentEventsByTagQuery journal;
    private final TimerScheduler<Command> timers;
    private final Executor blocking;
    private long offset;
    /** The offset in memory may be behind the database's (after a failure): read it before the next poll. */
    private boolean offsetStale = true;
    private boolean announced;
    private int failures;

    private TaggedEventsProjection(ActorContext<Command> context, TimerScheduler<Command> timers, Settings settings, Writer writer,
                                   CurrentEventsByTagQuery journal) {
        super(context);
        context.setLoggerName(settings.logger());
        this.timers = timers;
        this.settings = settings;
        this.writer = writer;
        this.journal = journal;
        this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        context.getSelf().tell(new Poll());
    }

    public static Behavior<Command> create(Settings settings, Writer writer, CurrentEventsByTagQuery journal) {
        Behavior<Command> projection = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new TaggedEventsProjection(ctx, timers, settings, writer,
                journal)));
        return Behaviors.supervise(projection).onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), MAX_RETRY_PAUSE, 0.2));
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
                return writer.offset();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking), (offset, e) -> e == null ? new OffsetLoaded(offset) : new Failed("reading the offset", e));
    }

    private Behavior<Command> onOffsetLoaded(OffsetLoaded m) {
        if (!announced) {
            getContext().getLog().info(settings.wording().name() + ": " + settings.wording().starting() + " after ordering {}", m.offset());
            announced = true;
        }
        offset = m.offset();
        offsetStale = false;
        return poll();
    }

    private Behavior<Command> poll() {
        getContext().pipeToSelf(journal.currentEventsByTag(settings.tag(), Offset.sequence(offset)).take(settings.batchSize())
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
        long last = ((Sequence) m.envelopes().get(m.envelopes().size() - 1).offset()).value();
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return new Written(writer.write(m.envelopes()), last, full);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking), (written, e) -> e == null ? written : new Failed(settings.wording().writing(), e));
        return this;
    }

    private Behavior<Command> onWritten(Written m) {
        failures = 0;
        offset = m.offset();
        getContext().getLog().debug(settings.wording().name() + ": {} " + settings.wording().written() + ", journal ordering {}", m.rows(), m.offset());
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
        getContext().getLog().warn(settings.wording().name() + ": {} failed (attempt {}), again in {} ms: {}", m.step(), failures, pause.toMillis(),
                cause.toString());
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
