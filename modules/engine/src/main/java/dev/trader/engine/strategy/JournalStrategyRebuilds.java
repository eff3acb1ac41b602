package dev.trader.engine.strategy;

import dev.trader.domain.market.Bar;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.strategy.Strategy;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;

/**
 * Rebuilds a configured strategy with an operator's parameters ({@link StrategyBinding#withParameters})
 * and reads the warm-up from the entity's own journal: the {@link StrategyEntity.BarObserved} bars of
 * its last {@code warmUpEvents} events (its other events, signals and operator steps, are rare).
 * A bar older than the entity's retained events (deleted after a snapshot) cannot be read; the
 * shipped configuration keeps them.
 */
public final class JournalStrategyRebuilds implements StrategyRebuilds {
    private final StrategyBinding binding;
    private final JdbcReadJournal journal;
    private final ActorSystem<?> system;
    private final int warmUpEvents;
    private final Map<Map<String, Object>, Strategy> built = new ConcurrentHashMap<>();

    public JournalStrategyRebuilds(ActorSystem<?> system, StrategyBinding binding, int warmUpEvents) {
        if (warmUpEvents < 1) {
            throw new IllegalArgumentException("warm-up must read at least one event but was " + warmUpEvents);
        }
        this.binding = binding;
        this.system = system;
        this.warmUpEvents = warmUpEvents;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    }

    @Override
    public Strategy strategy(Map<String, Object> parameters) {
        return built.computeIfAbsent(Map.copyOf(parameters), binding::withParameters);
    }

    @Override
    public CompletionStage<List<Bar>> warmUp(String persistenceId, long throughSequenceNr) {
        long from = Math.max(1, throughSequenceNr - warmUpEvents + 1);
        ArrayDeque<Bar> bars = new ArrayDeque<>();
        return journal.currentEventsByPersistenceId(persistenceId, from, throughSequenceNr)
                .runForeach(env -> {
                    if (env.event() instanceof StrategyEntity.BarObserved observed) {
                        bars.addLast(observed.bar());
                    }
                }, system)
                .thenApply(done -> List.copyOf(bars));
    }
}
