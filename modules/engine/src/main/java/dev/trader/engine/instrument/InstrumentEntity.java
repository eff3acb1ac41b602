package dev.trader.engine.instrument;

import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.live.LiveTag;
import dev.trader.engine.settings.PersistenceTuning;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import java.util.Set;

/**
 * One instrument at one venue ({@code venue:SYMBOL}): the bar watermark, the last close, the
 * recent bars and the count of rejected input by reason. A bar at or before the watermark is
 * a duplicate and changes nothing, which is what makes replaying a file harmless.
 */
public final class InstrumentEntity
        extends EventSourcedBehaviorWithEnforcedReplies<InstrumentEntity.Command, InstrumentEntity.Event, InstrumentState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Instrument");

    public sealed interface Command extends CborSerializable {
    }

    /** Validate and record a closed bar. */
    public record IngestBar(Bar bar, ActorRef<BarIngested> replyTo) implements Command {
    }

    /**
     * Count an input row the feed rejected. A source's rows arrive in line order, so a line at or
     * below the last one recorded for that source was counted before (a replay of the file).
     */
    public record RecordRejection(String source, long line, String reason, String detail, ActorRef<RejectionRecorded> replyTo)
            implements Command {
    }

    public record GetStatus(ActorRef<InstrumentState> replyTo) implements Command {
    }

    /**
     * {@code accepted} is false for a bar at or before the watermark. {@code atr} is the simple
     * ATR(14) at this bar ({@link SimpleAtr}), null while fewer bars are known or when a replayed
     * bar is no longer among the recent bars.
     */
    public record BarIngested(boolean accepted, Price atr) implements CborSerializable {
        public BarIngested(boolean accepted) {
            this(accepted, null);
        }
    }

    public record RejectionRecorded(boolean counted) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record BarAccepted(Bar bar) implements Event {
    }

    public record BarRejected(String source, long line, String reason, String detail) implements Event {
    }

    private final InstrumentId instrument;
    private final PersistenceTuning tuning;

    private InstrumentEntity(InstrumentId instrument, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), instrument.value()), tuning.backoff());
        this.instrument = instrument;
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String entityId, PersistenceTuning tuning) {
        return new InstrumentEntity(InstrumentId.parse(entityId), tuning);
    }

    @Override
    public InstrumentState emptyState() {
        return InstrumentState.empty(instrument.value());
    }

    @Override
    public CommandHandlerWithReply<Command, Event, InstrumentState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(IngestBar.class, this::onIngestBar)
                .onCommand(RecordRejection.class, this::onRecordRejection)
                .onCommand(GetStatus.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, InstrumentState> onIngestBar(InstrumentState state, IngestBar cmd) {
        Bar bar = cmd.bar();
        if (!bar.instrument().equals(instrument)) {
            throw new IllegalArgumentException("bar for " + bar.instrument() + " sent to instrument " + instrument);
        }
        if (state.isDuplicate(bar)) {
            return Effect().reply(cmd.replyTo(), new BarIngested(false, SimpleAtr.at(state.recentBars(), bar.openTime())));
        }
        return Effect().persist(new BarAccepted(bar))
                .thenRun(s -> TradingMetrics.barIngested(instrument.value()))
                .thenReply(cmd.replyTo(), s -> new BarIngested(true, SimpleAtr.at(s.recentBars(), bar.openTime())));
    }

    private ReplyEffect<Event, InstrumentState> onRecordRejection(InstrumentState state, RecordRejection cmd) {
        if (state.hasRejection(cmd.source(), cmd.line())) {
            return Effect().reply(cmd.replyTo(), new RejectionRecorded(false));
        }
        return Effect().persist(new BarRejected(cmd.source(), cmd.line(), cmd.reason(), cmd.detail()))
                .thenRun(s -> TradingMetrics.barRejected(instrument.value(), String.valueOf(cmd.reason())))
                .thenReply(cmd.replyTo(), s -> new RejectionRecorded(true));
    }

    /** Accepted bars go to the live feed (not to the audit trail: they are inputs, not decisions); rejected rows to neither. */
    @Override
    public Set<String> tagsFor(Event event) {
        return event instanceof BarAccepted ? LiveTag.only() : Set.of();
    }

    @Override
    public EventHandler<InstrumentState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(BarAccepted.class, (state, e) -> state.accept(e.bar()))
                .onEvent(BarRejected.class, (state, e) -> state.reject(e.source(), e.line(), e.reason()))
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
