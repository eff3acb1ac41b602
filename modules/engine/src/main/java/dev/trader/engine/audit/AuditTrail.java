package dev.trader.engine.audit;

import dev.trader.engine.projection.TaggedEventsProjection;
import dev.trader.engine.settings.AuditSettings;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;

/**
 * The projection that writes the audit trail: it reads the events tagged {@link AuditTag#TAG} from
 * the journal after its offset, chains them ({@link AuditStore#append}: records and offset in one
 * transaction) and reads again, at once while full batches come, else after the poll interval
 * ({@link TaggedEventsProjection}). One batch at a time, so records are written serially;
 * {@link AuditTrails} runs it as the cluster's singleton. A failure (database away, say) is logged
 * and retried from the offset in the database, with a growing pause: a batch that did commit is not
 * written twice.
 */
public final class AuditTrail implements TaggedEventsProjection.Writer {
    private static final TaggedEventsProjection.Wording WORDING = new TaggedEventsProjection.Wording("audit trail",
            "chaining the journal's audited events", "record(s) chained", "writing the audit log");

    private final AuditStore store;
    private final CanonicalJson json;

    private AuditTrail(AuditStore store, CanonicalJson json) {
        this.store = store;
        this.json = json;
    }

    public static Behavior<TaggedEventsProjection.Command> create(AuditSettings settings, AuditStore store, CanonicalJson json,
                                                                  CurrentEventsByTagQuery journal) {
        return TaggedEventsProjection.create(new TaggedEventsProjection.Settings(AuditTag.TAG, settings.pollInterval(), settings.batchSize(), WORDING,
                AuditTrail.class), new AuditTrail(store, json), journal);
    }

    @Override
    public long offset() throws SQLException {
        return store.offset();
    }

    @Override
    public int write(List<EventEnvelope> envelopes) throws SQLException {
        return store.append(encoded(envelopes));
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
}
