package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.JournalBackend;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.ReadModelTables;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.position.Position;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.readmodel.query.Cursor;
import dev.trader.engine.readmodel.query.FillRow;
import dev.trader.engine.readmodel.query.OpenPosition;
import dev.trader.engine.readmodel.query.OrderRow;
import dev.trader.engine.readmodel.query.Page;
import dev.trader.engine.readmodel.query.PageRequest;
import dev.trader.engine.readmodel.query.ReadFilter;
import dev.trader.engine.readmodel.query.ReadKind;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.readmodel.query.SignalRow;
import dev.trader.engine.readmodel.query.TradeMetrics;
import dev.trader.engine.readmodel.query.TradeRow;
import dev.trader.engine.readmodel.query.TradesCsv;
import dev.trader.engine.strategy.StrategyEntityState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read model end to end, on H2 and on a real PostgreSQL: a paper node trades the real fixture
 * candles, the projection catches up with the journal, and what the read model says agrees with the
 * entities: every order's status and fills with its Order entity, every fill once, the trades' P&amp;L
 * with the account's cash and the positions still open, every signal and its decision with the
 * strategies and the account. Its filters, pages and CSV are then read on that real history, and a
 * restart that takes the whole journal in again (the offset set back to 0) changes no row.
 */
class ReadModelTest {
    private static final Duration T = Duration.ofSeconds(20);
    private static PostgresBackend postgres;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new PostgresBackend();
    }

    @AfterAll
    static void stopPostgres() throws java.io.IOException {
        postgres.stop();
    }

    static Stream<JournalBackend> backends() {
        return Stream.of(new H2Backend(), postgres);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theReadModelAgreesWithTheEntitiesAndARestartChangesNothing(JournalBackend backend) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> journal = new HashMap<>(backend.freshJournal("readmodel_" + System.nanoTime(), workDir));
        journal.put("trader.read-model.poll-interval", "200ms");
        Config config = TestNodes.config(journal);
        ReadModelTables tables = new ReadModelTables(config);

        String before;
        List<TradeRow> trades;
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            EngineSnapshot snapshot = EngineSnapshot.of(node.engine());
            tables.awaitCaughtUp();
            ReadModelQueries queries = node.readModel().orElseThrow();

            List<OrderRow> orders = all(ReadKind.ORDERS, ReadFilter.ALL, queries::orders, OrderRow::clientOrderId);
            assertOrdersAgree(node, snapshot, orders, queries);
            trades = all(ReadKind.TRADES, ReadFilter.ALL, queries::trades, TradeRow::tradeId);
            assertTradesAgree(snapshot, trades, queries);
            List<SignalRow> signals = all(ReadKind.SIGNALS, ReadFilter.ALL, queries::signals, SignalRow::signalId);
            assertSignalsAgree(snapshot, signals);
            assertFiltersSelectWhatTheySay(queries, orders, trades, signals);
            assertTheCsvHasOneLinePerTrade(queries, trades);
            assertTheMetricsAddUp(queries, trades);
            assertPagesStayPutWhileOrdersArrive(queries, tables, orders);
            before = tables.dump();
            System.out.printf("[readmodel/%s] %d orders, %d fills, %d trades (%d with an R), %d signals agree with the entities%n", backend.name(),
                    orders.size(), tables.count("rm_fills"), trades.size(), trades.stream().filter(t -> t.rMultiple() != null).count(), signals.size());
        }

        // As if the offset had been lost: the whole journal is read again, by a new node.
        assertEquals(1, tables.execute("UPDATE rm_offset SET journal_ordering = 0 WHERE projection = 'read-model'"));
        try (TraderNode node = TraderNode.start(config)) {
            tables.awaitCaughtUp();
            assertEquals(before, tables.dump(), "taking the journal in again changes no row");
            assertEquals(trades, all(ReadKind.TRADES, ReadFilter.ALL, node.readModel().orElseThrow()::trades, TradeRow::tradeId));
        }
        System.out.printf("[readmodel/%s] a restart that read the journal again changed nothing (%d s)%n", backend.name(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Every order the read model has is its entity's, as the entity has it; every approved order and every exit order is there. */
    private static void assertOrdersAgree(TraderNode node, EngineSnapshot snapshot, List<OrderRow> orders, ReadModelQueries queries)
            throws Exception {
        assertTrue(orders.size() >= 10, "the fixtures trade: " + orders.size());
        Set<String> ids = new HashSet<>();
        long fills = 0;
        for (OrderRow row : orders) {
            ids.add(row.clientOrderId());
            OrderState entity = node.engine().order(new ClientOrderId(row.clientOrderId())).ask(OrderEntity.GetOrder::new, T).toCompletableFuture()
                    .get();
            String what = row.clientOrderId();
            assertEquals(entity.status(), row.status(), what);
            assertEquals(entity.filledQuantity().toBigDecimal().compareTo(row.filledQuantity()), 0, what);
            assertEquals(entity.request().quantity().toBigDecimal().compareTo(row.quantity()), 0, what);
            assertEquals(entity.request().decisionTime(), row.decisionTime(), what);
            assertEquals(entity.positionId(), row.positionId(), what);
            assertEquals(entity.request().strategy().value(), row.strategy(), what);
            assertEquals(entity.averageFillPrice() == null ? null : entity.averageFillPrice().toBigDecimal().stripTrailingZeros(),
                    row.averageFillPrice() == null ? null : row.averageFillPrice().stripTrailingZeros(), what);
            List<FillRow> rowFills = queries.fills(row.clientOrderId()).toCompletableFuture().get();
            assertEquals(entity.fills().stream().map(f -> f.tradeId().value()).sorted().toList(),
                    rowFills.stream().map(FillRow::tradeId).sorted().toList(), what);
            fills += rowFills.size();
        }
        for (IntentDecision d : snapshot.account().decisions().values()) {
            if (d.approved()) {
                assertTrue(ids.contains(d.request().clientOrderId().value()), "approved order " + d.clientOrderId());
            }
        }
        for (PositionState p : snapshot.positions().values()) {
            assertTrue(ids.containsAll(p.exitOrders().keySet()), "the exit orders of " + p.positionId());
        }
        assertEquals(snapshot.account().bookedTradeIds().size(), fills, "every fill the account booked, once");
    }

    /**
     * The trades' P&amp;L after fees, with what the positions still open hold, is the account's cash
     * change; each closed position's trades add up to its realized P&amp;L and fees; the open ones are
     * listed as the entities hold them.
     */
    private static void assertTradesAgree(EngineSnapshot snapshot, List<TradeRow> trades, ReadModelQueries queries) throws Exception {
        assertTrue(trades.size() >= 3, "the fixtures close trades: " + trades.size());
        BigDecimal closed = trades.stream().map(TradeRow::pnlAfterFees).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = BigDecimal.ZERO;
        Map<String, BigDecimal> openByPosition = new TreeMap<>();
        for (PositionState p : snapshot.positions().values()) {
            Position pos = p.position();
            List<TradeRow> its = trades.stream().filter(t -> t.positionId().equals(p.positionId())).toList();
            if (pos.isFlat()) {
                assertEquals(pos.realizedPnl().toBigDecimal().compareTo(sum(its, TradeRow::pnl)), 0, p.positionId() + " realized");
                assertEquals(pos.fees().toBigDecimal().compareTo(sum(its, TradeRow::fees)), 0, p.positionId() + " fees");
            } else {
                // What the position's fills moved in cash so far: realized − fees − what is held at its average.
                BigDecimal held = pos.realizedPnl().toBigDecimal().subtract(pos.fees().toBigDecimal())
                        .subtract(pos.signedQuantity().multiply(pos.averagePrice().toBigDecimal()));
                open = open.add(held).subtract(sum(its, TradeRow::pnlAfterFees));
                openByPosition.put(p.positionId(), pos.quantity().toBigDecimal().stripTrailingZeros());
            }
        }
        BigDecimal cashChange = snapshot.account().cash().toBigDecimal().subtract(snapshot.account().initialCapital().toBigDecimal());
        assertEquals(0, cashChange.compareTo(closed.add(open)), "cash change " + cashChange + " = trades " + closed + " + open positions " + open);
        Map<String, BigDecimal> listed = new TreeMap<>();
        for (OpenPosition p : queries.openPositions().toCompletableFuture().get()) {
            listed.put(p.positionId(), p.quantity().stripTrailingZeros());
        }
        assertEquals(openByPosition, listed, "the open positions");
    }

    /** One row per signal the strategies emitted, each with the account's decision for it. */
    private static void assertSignalsAgree(EngineSnapshot snapshot, List<SignalRow> signals) {
        long emitted = snapshot.strategies().values().stream().mapToLong(StrategyEntityState::signalCount).sum();
        assertEquals(emitted, signals.size(), "every signal the strategies emitted");
        Map<String, SignalRow> byId = new HashMap<>();
        signals.forEach(s -> byId.put(s.signalId(), s));
        for (IntentDecision d : snapshot.account().decisions().values()) {
            SignalRow s = byId.get(d.clientOrderId());
            assertNotNull(s, "the signal of decision " + d.clientOrderId());
            String outcome = switch (d.outcome()) {
                case APPROVED -> "APPROVED";
                case REJECTED -> "REJECTED";
                case NO_ACTION -> "IGNORED";
            };
            assertEquals(outcome, s.decision(), d.clientOrderId());
            assertEquals(d.rule(), s.decisionRule(), d.clientOrderId());
        }
        assertEquals(snapshot.account().decisions().size(), signals.stream().filter(s -> s.decision() != null).count(), "every signal decided");
    }

    private static void assertFiltersSelectWhatTheySay(ReadModelQueries queries, List<OrderRow> orders, List<TradeRow> trades,
                                                       List<SignalRow> signals) throws Exception {
        ReadFilter filled = queries.parseFilter(ReadKind.ORDERS, Map.of("status", "filled"));
        assertEquals(orders.stream().filter(o -> o.status().name().equals("FILLED")).map(OrderRow::clientOrderId).toList(),
                all(ReadKind.ORDERS, filled, queries::orders, OrderRow::clientOrderId).stream().map(OrderRow::clientOrderId).toList());
        ReadFilter eth = queries.parseFilter(ReadKind.TRADES, Map.of("symbol", "ETHUSDT"));
        assertEquals(trades.stream().filter(t -> t.instrument().endsWith(":ETHUSDT")).toList(), all(ReadKind.TRADES, eth, queries::trades, TradeRow::tradeId));
        String strategy = signals.get(0).strategy();
        ReadFilter one = queries.parseFilter(ReadKind.SIGNALS, Map.of("strategy", strategy, "status", "approved,rejected"));
        assertEquals(signals.stream().filter(s -> s.strategy().equals(strategy) && ("APPROVED".equals(s.decision()) || "REJECTED".equals(s.decision())))
                .toList(), all(ReadKind.SIGNALS, one, queries::signals, SignalRow::signalId));
        // The second half of the trading, by exit time: from inclusive.
        TradeRow middle = trades.get(trades.size() / 2);
        ReadFilter later = new ReadFilter(Set.of(), null, null, middle.exitTime(), null);
        assertEquals(trades.stream().filter(t -> !t.exitTime().isBefore(middle.exitTime())).toList(), all(ReadKind.TRADES, later, queries::trades,
                TradeRow::tradeId));
        Page<OrderRow> first = queries.orders(ReadFilter.ALL, PageRequest.first(3)).toCompletableFuture().get();
        assertEquals(orders.subList(0, 3), first.items());
        assertEquals(orders.size(), first.total());
    }

    private static void assertTheCsvHasOneLinePerTrade(ReadModelQueries queries, List<TradeRow> trades) throws Exception {
        String csv = queries.tradesCsv(ReadFilter.ALL).toCompletableFuture().get();
        String[] lines = csv.split("\r\n", -1);
        assertEquals("", lines[lines.length - 1], "every record ends with CRLF");
        assertEquals(String.join(",", TradesCsv.HEADER), lines[0]);
        assertEquals(trades.size() + 2, lines.length);
        List<String> newestFirst = new ArrayList<>();
        for (int i = lines.length - 2; i >= 1; i--) {
            assertEquals(TradesCsv.HEADER.size(), lines[i].split(",", -1).length, lines[i]);
            newestFirst.add(lines[i].substring(0, lines[i].indexOf(',')));
        }
        assertEquals(trades.stream().map(TradeRow::tradeId).toList(), newestFirst, "oldest first in the file");
    }

    private static void assertTheMetricsAddUp(ReadModelQueries queries, List<TradeRow> trades) throws Exception {
        TradeMetrics m = queries.metrics(ReadFilter.ALL).toCompletableFuture().get();
        BigDecimal total = sum(trades, TradeRow::pnlAfterFees);
        assertEquals(0, total.compareTo(m.pnlByDay().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(0, total.compareTo(m.pnlByHour().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(trades.size(), m.regimeStrategySymbolMatrix().values().stream().flatMap(s -> s.values().stream())
                .flatMap(i -> i.values().stream()).mapToInt(c -> c.trades()).sum());
        assertTrue(m.timeInMarket().signum() > 0 && m.timeInMarket().compareTo(BigDecimal.ONE) <= 0, "time in market " + m.timeInMarket());
        assertNotNull(m.winRate());
    }

    /**
     * A client pages through the orders while newer and older ones are written between its pages: it
     * sees every order that was there once, in order, and none of the newer ones (they are before its
     * first page). The rows written here are removed again.
     */
    private static void assertPagesStayPutWhileOrdersArrive(ReadModelQueries queries, ReadModelTables tables, List<OrderRow> orders) throws Exception {
        Instant newest = orders.get(0).decisionTime();
        Instant oldest = orders.get(orders.size() - 1).decisionTime();
        List<String> seen = new ArrayList<>();
        Page<OrderRow> page = queries.orders(ReadFilter.ALL, PageRequest.first(5)).toCompletableFuture().get();
        page.items().forEach(o -> seen.add(o.clientOrderId()));
        for (int n = 0; page.nextCursor() != null; n++) {
            insertOrder(tables, "readmodeltest-new-" + n, newest.plus(Duration.ofMinutes(n + 1)));
            insertOrder(tables, "readmodeltest-old-" + n, oldest.minus(Duration.ofMinutes(n + 1)));
            page = queries.orders(ReadFilter.ALL, new PageRequest(5, Cursor.decode(ReadKind.ORDERS, page.nextCursor()))).toCompletableFuture().get();
            page.items().forEach(o -> seen.add(o.clientOrderId()));
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no order twice: " + seen);
        assertEquals(orders.stream().map(OrderRow::clientOrderId).toList(), seen.stream().filter(id -> !id.startsWith("readmodeltest-")).toList());
        assertTrue(seen.stream().noneMatch(id -> id.startsWith("readmodeltest-new-")), "the newer ones are before the first page");
        assertTrue(seen.stream().anyMatch(id -> id.startsWith("readmodeltest-old-")), "older ones written in time are on a later page");
        assertTrue(tables.execute("DELETE FROM rm_orders WHERE client_order_id LIKE 'readmodeltest-%'") > 0);
    }

    private static void insertOrder(ReadModelTables tables, String id, Instant decided) throws Exception {
        tables.execute("INSERT INTO rm_orders (client_order_id, strategy, instrument, symbol, side, order_type, quantity, reduce_only, status, "
                + "filled_quantity, decision_time, created_ordering, updated_ordering) VALUES (?, 'test', 'binance:BTCUSDT', 'BTCUSDT', 'BUY', 'MARKET', "
                + "1, FALSE, 'NEW', 0, ?, 0, 0)", id, OffsetDateTime.ofInstant(decided, ZoneOffset.UTC));
    }

    private static BigDecimal sum(List<TradeRow> trades, Function<TradeRow, BigDecimal> f) {
        return trades.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every row {@code filter} selects, page by page (7 at a time, so that the cursor is used), checking that none comes twice. */
    private static <T> List<T> all(ReadKind kind, ReadFilter filter, BiFunction<ReadFilter, PageRequest, CompletionStage<Page<T>>> query,
                                   Function<T, String> id) throws Exception {
        List<T> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PageRequest page = PageRequest.first(7);
        while (true) {
            Page<T> p = query.apply(filter, page).toCompletableFuture().get();
            for (T row : p.items()) {
                assertTrue(seen.add(id.apply(row)), "twice: " + id.apply(row));
                out.add(row);
            }
            if (p.nextCursor() == null) {
                assertEquals(p.total(), out.size(), "the pages add up to the total");
                return out;
            }
            page = new PageRequest(7, Cursor.decode(kind, p.nextCursor()));
        }
    }
}
