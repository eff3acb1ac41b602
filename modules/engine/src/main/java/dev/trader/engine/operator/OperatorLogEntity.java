package dev.trader.engine.operator;

import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.settings.PersistenceTuning;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of an account's operator actions through the admin API: every write, with who made
 * it and the state before and after. Each one is an audited event, so the tamper-evident audit
 * trail holds it.
 */
public final class OperatorLogEntity
        extends EventSourcedBehaviorWithEnforcedReplies<OperatorLogEntity.Command, OperatorLogEntity.Event, OperatorLogState> {
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "OperatorLog");
    private static final Logger LOG = LoggerFactory.getLogger(OperatorLogEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    /** Journals the action (its {@code seq} is assigned here); replies with it as journaled. */
    public record Record(OperatorAction action, ActorRef<OperatorAction> replyTo) implements Command {
    }

    public record Get(ActorRef<OperatorLogState> replyTo) implements Command {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record Acted(OperatorAction action) implements Event {
    }

    private final PersistenceTuning tuning;

    private OperatorLogEntity(String accountId, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), accountId), tuning.backoff());
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String accountId, PersistenceTuning tuning) {
        return new OperatorLogEntity(accountId, tuning);
    }

    @Override
    public OperatorLogState emptyState() {
        return OperatorLogState.empty();
    }

    @Override
    public CommandHandlerWithReply<Command, Event, OperatorLogState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Record.class, (state, cmd) -> {
                    OperatorAction a = cmd.action().numbered(state.count() + 1);
                    return Effect().persist(new Acted(a))
                            .thenRun(s -> LOG.info("operator {} ({}) {}: {}", a.keyId(), a.role(), a.action(), a.request()))
                            .thenReply(cmd.replyTo(), s -> a);
                })
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    @Override
    public EventHandler<OperatorLogState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Acted.class, (state, e) -> state.with(e.action()))
                .build();
    }

    @Override
    public Set<String> tagsFor(Event event) {
        return AuditTag.audited();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
