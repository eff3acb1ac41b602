package dev.trader.engine.readmodel;

import dev.trader.domain.money.Money;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.settings.ReadModelSettings;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;

/**
 * The read model on a node: its projection, started as the cluster's singleton (so rows are never
 * written by two at once, whichever node runs it), and its queries, which any node answers from the
 * database on the actor system's blocking dispatcher.
 */
public final class ReadModels {
    private final ReadModelQueries queries;

    private ReadModels(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** {@code initialCapital}: the account's, where the metrics' equity curve starts unless a query says otherwise. */
    public static ReadModels start(ActorSystem<?> system, ReadModelSettings settings, JdbcSettings jdbc, Money initialCapital) {
        ReadModelStore store = new ReadModelStore(jdbc, initialCapital.currency());
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        ClusterSingleton.get(system).init(SingletonActor.of(ReadModelProjection.create(settings, store, journal), "read-model"));
        return new ReadModels(new ReadModelQueries(jdbc, system.dispatchers().lookup(DispatcherSelector.blocking()), settings.dayZone(),
                initialCapital.toBigDecimal()));
    }

    public ReadModelQueries queries() {
        return queries;
    }
}
