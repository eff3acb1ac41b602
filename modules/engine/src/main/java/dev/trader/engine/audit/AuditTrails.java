package dev.trader.engine.audit;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.settings.AuditSettings;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;

/**
 * The audit trail on a node: its writer, started as the cluster's singleton (so records are never
 * written by two at once, whichever node runs it), and its head, read from the database.
 */
public final class AuditTrails {
    private final AuditStore store;
    private final Executor blocking;

    private AuditTrails(AuditStore store, Executor blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    public static AuditTrails start(ActorSystem<?> system, AuditSettings settings, JdbcSettings jdbc) {
        AuditStore store = new AuditStore(jdbc);
        // The journal's own conventions (pekko.serialization.jackson), written as JSON instead of CBOR.
        CanonicalJson json = new CanonicalJson(JacksonObjectMapperProvider.get(system).getOrCreate("jackson-json", Optional.empty()));
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        ClusterSingleton.get(system).init(SingletonActor.of(AuditTrail.create(settings, store, json, journal), "audit-trail"));
        return new AuditTrails(store, system.dispatchers().lookup(DispatcherSelector.blocking()));
    }

    /** The newest record, read off the actors' threads. */
    public CompletionStage<AuditHead> head() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.head();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }
}
