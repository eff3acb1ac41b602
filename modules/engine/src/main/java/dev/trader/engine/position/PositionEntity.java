package dev.trader.engine.position;

import dev.trader.domain.order.Fill;
import dev.trader.domain.position.Position;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.settings.PersistenceTuning;
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

/**
 * One position from open to close. Every fill is applied once per trade id, however often or
 * in whatever order it is delivered; the events carry the fill so P&L reconciles with fills.
 */
public final class PositionEntity
        extends EventSourcedBehaviorWithEnforcedReplies<PositionEntity.Command, PositionEntity.Event, PositionState> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Position");

    public sealed interface Command extends CborSerializable {
    }

    public record ApplyFill(Fill fill, ActorRef<PositionUpdated> replyTo) implements Command {
    }

    public record GetPosition(ActorRef<PositionState> replyTo) implements Command {
    }

    public record PositionUpdated(boolean applied, Position position) implements CborSerializable {
    }

    public sealed interface Event extends CborSerializable {
        Fill fill();
    }

    public record PositionOpened(Fill fill) implements Event {
    }

    public record PositionChanged(Fill fill) implements Event {
    }

    public record PositionClosed(Fill fill) implements Event {
    }

    private final String positionId;
    private final String currency;
    private final PersistenceTuning tuning;

    private PositionEntity(String positionId, String currency, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), positionId), tuning.backoff());
        this.positionId = positionId;
        this.currency = currency;
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String positionId, String currency, PersistenceTuning tuning) {
        return new PositionEntity(positionId, currency, tuning);
    }

    @Override
    public PositionState emptyState() {
        return new PositionState(positionId, Position.flat(PositionIds.instrumentOf(positionId), currency), Set.of(), false);
    }

    @Override
    public CommandHandlerWithReply<Command, Event, PositionState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(ApplyFill.class, this::onApplyFill)
                .onCommand(GetPosition.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, PositionState> onApplyFill(PositionState state, ApplyFill cmd) {
        Fill fill = cmd.fill();
        if (state.appliedTradeIds().contains(fill.tradeId().value())) {
            return Effect().reply(cmd.replyTo(), new PositionUpdated(false, state.position()));
        }
        Position after = state.position().apply(fill);
        Event event = state.position().isFlat() ? new PositionOpened(fill) : after.isFlat() ? new PositionClosed(fill) : new PositionChanged(fill);
        return Effect().persist(event).thenReply(cmd.replyTo(), s -> new PositionUpdated(true, s.position()));
    }

    @Override
    public EventHandler<PositionState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onAnyEvent((state, e) -> state.apply(e.fill()));
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
