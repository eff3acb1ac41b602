package dev.trader.engine.readmodel;

import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.projection.TaggedEventsProjection;
import dev.trader.engine.settings.ReadModelSettings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;

/**
 * The projection that keeps the read model: it reads the events the entities tag {@link AuditTag#TAG}
 * (every signal, decision, order step, fill and position change: what the read model is made of)
 * after its own offset and hands each batch to {@link ReadModelStore#apply} (rows and offset in one
 * transaction), polling as {@link TaggedEventsProjection} does. {@link ReadModels} runs it as the
 * cluster's singleton.
 */
public final class ReadModelProjection implements TaggedEventsProjection.Writer {
    private static final TaggedEventsProjection.Wording WORDING = new TaggedEventsProjection.Wording("read model",
            "projecting the journal's orders, fills, positions and signals", "event(s) projected", "writing the read model");

    private final ReadModelStore store;

    private ReadModelProjection(ReadModelStore store) {
        this.store = store;
    }

    public static Behavior<TaggedEventsProjection.Command> create(ReadModelSettings settings, ReadModelStore store, CurrentEventsByTagQuery journal) {
        return TaggedEventsProjection.create(new TaggedEventsProjection.Settings(AuditTag.TAG, settings.pollInterval(), settings.batchSize(), WORDING,
                ReadModelProjection.class), new ReadModelProjection(store), journal);
    }

    @Override
    public long offset() throws SQLException {
        return store.offset();
    }

    @Override
    public int write(List<EventEnvelope> envelopes) throws SQLException {
        List<Journaled> events = new ArrayList<>(envelopes.size());
        for (EventEnvelope env : envelopes) {
            events.add(new Journaled(((Sequence) env.offset()).value(), env.persistenceId(), env.sequenceNr(), env.event()));
        }
        return store.apply(events);
    }
}
