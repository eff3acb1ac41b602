package dev.trader.engine.reconcile;

import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.engine.CborSerializable;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.reconcile.Finding.Kind;
import dev.trader.engine.settings.PersistenceTuning;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
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
 * The journal of an account's reconciliations with its venue: every report (so that each one is an
 * event the API shows), the balance baselines and what operators acknowledged. The holds a report
 * implies are set on the account by {@link ReconciliationService}, which asks here first.
 */
public final class ReconciliationEntity
        extends EventSourcedBehaviorWithEnforcedReplies<ReconciliationEntity.Command, ReconciliationEntity.Event, ReconciliationState> {
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Reconciliation");
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationEntity.class);

    public sealed interface Command extends CborSerializable {
    }

    /** Journals a reconciliation's outcome as the next report; replies with the report. */
    public record Record(String trigger, Instant at, int fillsRepaired, int venueOpenOrders, List<Finding> findings,
                         Map<String, BigDecimal> baselinesTaken, List<String> notes, ActorRef<ReconciliationReport> replyTo) implements Command {
        public Record {
            findings = List.copyOf(findings);
            baselinesTaken = Map.copyOf(baselinesTaken);
            notes = List.copyOf(notes);
        }
    }

    /**
     * An operator takes the latest report's findings on {@code instrument} as explained: orders and
     * trades are not reported again, and a balance difference becomes part of the baseline.
     */
    public record Acknowledge(String instrument, String reason, Instant at, ActorRef<Acknowledged> replyTo) implements Command {
    }

    public record Get(ActorRef<ReconciliationState> replyTo) implements Command {
    }

    /**
     * A fill arrived for a client order id our journal does not know. Journaled, so that it is
     * reported (and its instrument held) until acknowledged, across restarts too: the fill repair
     * after a restart starts from our own last trade and may not fetch it again.
     */
    public record RecordUnknownFill(Finding fill, ActorRef<ReconciliationState> replyTo) implements Command {
    }

    public sealed interface Event extends CborSerializable {
    }

    public record Reconciled(ReconciliationReport report, Map<String, BigDecimal> baselinesTaken) implements Event {
        public Reconciled {
            baselinesTaken = Map.copyOf(baselinesTaken);
        }
    }

    public record UnknownFillRecorded(Finding fill) implements Event {
    }

    /** {@code findings} is how many were acknowledged: 0 when the latest report had none on the instrument. */
    public record Acknowledged(String instrument, String reason, Instant at, Map<String, BigDecimal> baselines, Set<String> keys, int findings)
            implements Event {
        public Acknowledged {
            baselines = Map.copyOf(baselines);
            keys = Set.copyOf(keys);
        }
    }

    private final PersistenceTuning tuning;

    private ReconciliationEntity(String accountId, PersistenceTuning tuning) {
        super(PersistenceId.of(TYPE_KEY.name(), accountId), tuning.backoff());
        this.tuning = tuning;
    }

    public static Behavior<Command> create(String accountId, PersistenceTuning tuning) {
        return new ReconciliationEntity(accountId, tuning);
    }

    @Override
    public ReconciliationState emptyState() {
        return ReconciliationState.empty();
    }

    @Override
    public CommandHandlerWithReply<Command, Event, ReconciliationState> commandHandler() {
        return newCommandHandlerWithReplyBuilder().forAnyState()
                .onCommand(Record.class, this::onRecord)
                .onCommand(Acknowledge.class, this::onAcknowledge)
                .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .onCommand(RecordUnknownFill.class, (state, cmd) -> state.keeps(cmd.fill())
                        ? Effect().persist(new UnknownFillRecorded(cmd.fill())).thenReply(cmd.replyTo(), s -> s)
                        : Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<Event, ReconciliationState> onRecord(ReconciliationState state, Record cmd) {
        ReconciliationReport report = new ReconciliationReport(state.count() + 1, cmd.trigger(), cmd.at(), cmd.fillsRepaired(),
                cmd.venueOpenOrders(), cmd.findings(), Holds.of(cmd.findings()), cmd.notes());
        return Effect().persist(new Reconciled(report, cmd.baselinesTaken()))
                .thenRun(s -> LogScope.run(persistenceId().id(), null, () -> {
                    if (report.clean()) {
                        LOG.info("reconciliation #{} ({}): the venue's books agree with ours ({} fill(s) repaired, {} open order(s) at the venue)",
                                report.number(), report.trigger(), report.fillsRepaired(), report.venueOpenOrders());
                    } else {
                        report.findings().forEach(f -> TradingMetrics.reconciliationMismatch(f.kind().name()));
                        report.findings().forEach(f -> LOG.error("reconciliation #{} ({}): {} on {}: {}", report.number(), report.trigger(),
                                f.kind(), f.instrument(), f.detail()));
                    }
                }))
                .thenReply(cmd.replyTo(), s -> report);
    }

    private ReplyEffect<Event, ReconciliationState> onAcknowledge(ReconciliationState state, Acknowledge cmd) {
        ReconciliationReport latest = state.latest();
        List<Finding> on = latest == null ? List.of() : latest.findings().stream().filter(f -> f.instrument().equals(cmd.instrument())).toList();
        Map<String, BigDecimal> baselines = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Finding f : on) {
            if (f.kind() == Kind.BALANCE_MISMATCH) {
                // What the venue holds beyond our positions is, from now on, not ours.
                baselines.put(f.facts().get("asset"), new BigDecimal(f.facts().get("venue")).subtract(new BigDecimal(f.facts().get("ours"))));
            } else {
                keys.add(f.ackKey());
            }
        }
        Acknowledged event = new Acknowledged(cmd.instrument(), cmd.reason(), cmd.at(), baselines, keys, on.size());
        return Effect().persist(event)
                .thenRun(s -> LogScope.run(persistenceId().id(), null, () -> LOG.warn(
                        "reconciliation findings on {} ACKNOWLEDGED by an operator ({} finding(s), baselines {}): {}",
                        cmd.instrument(), on.size(), baselines, cmd.reason())))
                .thenReply(cmd.replyTo(), s -> event);
    }

    /** Every report and every operator acknowledgement goes into the audit trail. */
    @Override
    public Set<String> tagsFor(Event event) {
        return AuditTag.audited();
    }

    @Override
    public EventHandler<ReconciliationState, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Reconciled.class, (state, e) -> state.reconciled(e.report(), e.baselinesTaken()))
                .onEvent(Acknowledged.class, (state, e) -> state.acknowledgedAll(e.baselines(), e.keys()))
                .onEvent(UnknownFillRecorded.class, (state, e) -> state.unknownFill(e.fill()))
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return tuning.retention();
    }
}
