package dev.trader.engine.export;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.audit.AuditTag;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads what an export needs from the journal with Pekko Persistence Query, never from the live entities (so it runs the
 * same inside a node and from the command line on a stopped one): the events tagged {@code audit}, in journal order (every
 * order's steps, rebuilt with the entity's own event handler; the fills the account booked; the positions' fills), and the
 * bars of every instrument entity, of which only the days asked for are kept (plus each instrument's last close before).
 * Limit: events journaled before a version that tagged them are not read.
 */
final class JournalReader {
    private static final String ORDER = OrderEntity.TYPE_KEY.name() + "|";
    private static final String POSITION = PositionEntity.TYPE_KEY.name() + "|";
    private static final String INSTRUMENT = InstrumentEntity.TYPE_KEY.name() + "|";

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;
    private final String currency;

    JournalReader(ActorSystem<?> system, String currency) {
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        this.currency = currency;
    }

    /** {@code from}/{@code to} (UTC days, inclusive) bound the bars kept; null: unbounded. */
    CompletionStage<JournalFacts> read(LocalDate from, LocalDate to) {
        Tagged tagged = new Tagged();
        Bars bars = new Bars(from, to);
        return journal.currentEventsByTag(AuditTag.TAG, Offset.noOffset()).runForeach(tagged::add, system)
                .thenCompose(done -> journal.currentPersistenceIds().filter(id -> id.startsWith(INSTRUMENT)).runWith(Sink.seq(), system))
                .thenCompose(ids -> {
                    CompletionStage<?> all = CompletableFuture.completedFuture(null);
                    for (String id : ids) {
                        all = all.thenCompose(x -> journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE).runForeach(bars::add, system));
                    }
                    return all;
                })
                .thenApply(done -> new JournalFacts(tagged.orders(), tagged.fills, tagged.trades(), bars.marksBefore, bars.closes()));
    }

    /** The tagged events, folded as they come (one stream: calls never overlap). */
    private final class Tagged {
        private final Map<String, OrderState> orders = new LinkedHashMap<>();
        private final List<FillRow> fills = new ArrayList<>();
        private final Map<String, RoundTrips> positions = new LinkedHashMap<>();

        void add(EventEnvelope env) {
            String id = env.persistenceId();
            Object event = env.event();
            if (id.startsWith(ORDER) && event instanceof OrderEntity.Event e) {
                try {
                    orders.compute(id, (k, s) -> s == null ? OrderEntity.replayed(List.of(e)) : OrderEntity.applied(s, e));
                } catch (RuntimeException failed) {
                    throw new IllegalStateException("order " + id + " cannot be rebuilt from its tagged events at journal ordering "
                            + env.offset() + " (were its first events journaled before they were tagged?): " + failed.getMessage(), failed);
                }
            } else if (event instanceof AccountEntity.FillBookedEvent f) {
                fills.add(new FillRow(f.fill(), f.heldAfter()));
            } else if (id.startsWith(POSITION) && event instanceof PositionEntity.FillEvent f) {
                positions.computeIfAbsent(id, k -> new RoundTrips(id.substring(POSITION.length()), currency)).apply(f);
            }
        }

        List<OrderRow> orders() {
            return orders.values().stream().filter(OrderState::exists).map(OrderRow::of).toList();
        }

        List<TradeRow> trades() {
            return positions.values().stream().flatMap(p -> p.closed().stream()).toList();
        }
    }

    /** Bar closes of the days asked for, by close time across instruments, and each instrument's last close before them. */
    private static final class Bars {
        private final LocalDate from;
        private final LocalDate to;
        private final Map<String, Price> marksBefore = new HashMap<>();
        private final Map<String, Instant> markTimes = new HashMap<>();
        private final TreeMap<Instant, Map<String, Price>> byClose = new TreeMap<>();
        private final Map<Instant, LocalDate> openDays = new HashMap<>();

        Bars(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(EventEnvelope env) {
            if (!(env.event() instanceof InstrumentEntity.BarAccepted accepted)) {
                return;
            }
            Bar b = accepted.bar();
            String instrument = b.instrument().value();
            LocalDate day = EquityCurve.day(b.openTime());
            if (from != null && day.isBefore(from)) {
                Instant seen = markTimes.get(instrument);
                if (seen == null || b.closeTime().isAfter(seen)) {
                    markTimes.put(instrument, b.closeTime());
                    marksBefore.put(instrument, b.close());
                }
            } else if (to == null || !day.isAfter(to)) {
                byClose.computeIfAbsent(b.closeTime(), t -> new TreeMap<>()).put(instrument, b.close());
                openDays.putIfAbsent(b.closeTime(), day);
            }
        }

        List<EquityCurve.Close> closes() {
            List<EquityCurve.Close> out = new ArrayList<>(byClose.size());
            byClose.forEach((t, closes) -> out.add(new EquityCurve.Close(t, openDays.get(t), closes)));
            return out;
        }
    }
}
