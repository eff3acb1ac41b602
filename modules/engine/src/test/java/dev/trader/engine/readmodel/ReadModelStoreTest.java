package dev.trader.engine.readmodel;

import static dev.trader.engine.testing.Fixtures.BTCUSDT;
import static dev.trader.engine.testing.Fixtures.EMA_CROSS;
import static dev.trader.engine.testing.Fixtures.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.position.PositionSide;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.SchemaInitializer;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.readmodel.query.FillRow;
import dev.trader.engine.readmodel.query.OpenPosition;
import dev.trader.engine.readmodel.query.OrderRow;
import dev.trader.engine.readmodel.query.Page;
import dev.trader.engine.readmodel.query.PageRequest;
import dev.trader.engine.readmodel.query.ReadFilter;
import dev.trader.engine.readmodel.query.ReadKind;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.readmodel.query.SignalRow;
import dev.trader.engine.readmodel.query.TradeRow;
import dev.trader.engine.strategy.StrategyEntity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model's store and queries on the real H2 schema script, fed journaled events made by
 * hand: one trade from signal to close, read back through the queries; a batch taken in again
 * changes nothing; pages stay put while rows are written between them.
 */
class ReadModelStoreTest {
    private static final String POSITION = "account:binance:BTCUSDT:1";
    private static final Instant T1 = Instant.parse("2023-03-16T10:00:00Z");
    private static final Instant T2 = Instant.parse("2023-03-16T10:30:00Z");
    private static final Instant T3 = Instant.parse("2023-03-16T11:00:00Z");
    private static final ClientOrderId ENTRY = ClientOrderId.derive(EMA_CROSS, BTCUSDT, T1, 0);
    private static final ClientOrderId EXIT = ClientOrderId.derive(EMA_CROSS, BTCUSDT, T2, 0);

    private Connection keepAlive;
    private ReadModelStore store;
    private ReadModelQueries queries;
    private final Map<String, Long> seqs = new HashMap<>();
    private long ordering;

    @BeforeEach
    void schema() throws SQLException {
        String url = "jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        JdbcSettings jdbc = new JdbcSettings("h2", url, "sa", "");
        SchemaInitializer.apply(jdbc);
        store = new ReadModelStore(jdbc, "USDT");
        queries = new ReadModelQueries(jdbc, Runnable::run, ZoneId.of("Europe/Prague"), new BigDecimal("10000"));
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("SHUTDOWN");
        }
        keepAlive.close();
    }

    @Test
    void aTradeFromSignalToCloseReadsBackThroughTheQueries() throws Exception {
        store.apply(oneTrade());

        Page<OrderRow> orders = queries.orders(ReadFilter.ALL, PageRequest.FIRST).toCompletableFuture().get();
        assertEquals(2, orders.total());
        OrderRow exit = orders.items().get(0);
        OrderRow entry = orders.items().get(1);
        assertEquals(ENTRY.value(), entry.clientOrderId());
        assertEquals(OrderStatus.FILLED, entry.status());
        assertEquals(new BigDecimal("0.01"), entry.filledQuantity());
        assertEquals(new BigDecimal("24960"), entry.averageFillPrice());
        assertEquals(new BigDecimal("24950"), entry.decisionPrice());
        assertEquals(T1, entry.decisionTime());
        assertEquals(POSITION, entry.positionId());
        assertEquals("v1", entry.venueOrderId());
        assertNull(entry.parentId());
        assertEquals(EXIT.value(), exit.clientOrderId());
        assertTrue(exit.reduceOnly());

        List<FillRow> fills = queries.fills(ENTRY.value()).toCompletableFuture().get();
        assertEquals(1, fills.size());
        assertEquals(new BigDecimal("0.2496"), fills.get(0).fee());
        assertEquals("ema-cross", fills.get(0).strategy());

        TradeRow t = queries.trades(ReadFilter.ALL, PageRequest.FIRST).toCompletableFuture().get().items().get(0);
        assertEquals(POSITION + "#1", t.tradeId());
        assertEquals(PositionSide.LONG, t.side());
        assertEquals("ema-cross", t.strategy());
        // (25040 − 24960) × 0.01 = 0.8; fees 0.2496 + 0.2504; at risk (24960 − 24900) × 0.01 = 0.6 from the decision's stop.
        assertEquals(new BigDecimal("0.8"), t.pnl());
        assertEquals(new BigDecimal("0.5"), t.fees());
        assertEquals(new BigDecimal("0.3"), t.pnlAfterFees());
        assertEquals(new BigDecimal("24900"), t.initialStop());
        assertEquals(new BigDecimal("0.6"), t.initialRisk());
        assertEquals(new BigDecimal("0.5"), t.rMultiple());
        assertEquals(new BigDecimal("30"), t.holdMinutes());
        assertEquals("trend", t.regime());

        Page<SignalRow> signals = queries.signals(ReadFilter.ALL, PageRequest.FIRST).toCompletableFuture().get();
        assertEquals(3, signals.total());
        assertEquals(List.of("REJECTED", "APPROVED", "APPROVED"), signals.items().stream().map(SignalRow::decision).toList());
        SignalRow rejected = signals.items().get(0);
        assertEquals("long_only", rejected.decisionRule());
        assertEquals("SHORT", rejected.direction());
        assertNull(rejected.clientOrderId());
        SignalRow first = signals.items().get(2);
        assertEquals(ENTRY.value(), first.clientOrderId());
        assertEquals(new BigDecimal("24900"), first.decisionStop());
        assertEquals(0.75, first.confidence());
        assertEquals("1m", first.timeframe());

        assertEquals(List.of(), queries.openPositions().toCompletableFuture().get(), "closed again");
        assertEquals(1, queries.signals(new ReadFilter(Set.of("REJECTED"), null, null, null, null), PageRequest.FIRST).toCompletableFuture().get().total());
        assertEquals(1, queries.trades(new ReadFilter(Set.of("WIN"), "BTCUSDT", "ema-cross", T1, T3), PageRequest.FIRST).toCompletableFuture().get()
                .total());
        assertEquals(0, queries.trades(new ReadFilter(Set.of("LOSS"), null, null, null, null), PageRequest.FIRST).toCompletableFuture().get().total());
        assertEquals(1, queries.orders(new ReadFilter(Set.of(), null, null, T1, T2), PageRequest.FIRST).toCompletableFuture().get().total(),
                "from inclusive, to exclusive");
        assertEquals(0, queries.orders(new ReadFilter(Set.of(), "ETHUSDT", null, null, null), PageRequest.FIRST).toCompletableFuture().get().total());
    }

    @Test
    void anOpenPositionIsListedUntilItCloses() throws Exception {
        List<Journaled> events = oneTrade();
        // Up to the entry's fill, as the position has it.
        int opened = indexOf(events, PositionEntity.PositionOpened.class);
        store.apply(events.subList(0, opened + 1));
        List<OpenPosition> open = queries.openPositions().toCompletableFuture().get();
        assertEquals(1, open.size());
        assertEquals(POSITION, open.get(0).positionId());
        assertEquals(new BigDecimal("0.01"), open.get(0).quantity());
        assertEquals(new BigDecimal("24960"), open.get(0).averagePrice());
        assertEquals("ema-cross", open.get(0).strategy());
        assertEquals(PositionSide.LONG, open.get(0).side());

        store.apply(events.subList(opened + 1, events.size()));
        assertEquals(List.of(), queries.openPositions().toCompletableFuture().get());
    }

    @Test
    void takingEventsInAgainChangesNothing() throws Exception {
        List<Journaled> events = oneTrade();
        store.apply(events.subList(0, 9));
        store.apply(events.subList(9, events.size()));
        String once = dump();
        long offset = store.offset();

        assertEquals(0, store.apply(events), "every event was taken in before");
        assertEquals(once, dump());
        assertEquals(offset, store.offset());
        // Overlapping: the second half again with one new event.
        List<Journaled> overlap = new ArrayList<>(events.subList(5, events.size()));
        overlap.add(journaled("Order|" + ENTRY.value(), new OrderEntity.OrderFilled(fill(ENTRY, "late", OrderSide.BUY, "24970", "0.001", "0",
                T3), OrderStatus.FILLED)));
        assertEquals(1, store.apply(overlap));

        assertEquals(ordering, store.offset());
        assertTrue(ordering > offset);
        OrderRow entry = queries.orders(ReadFilter.ALL, PageRequest.FIRST).toCompletableFuture().get().items().get(1);
        assertEquals(new BigDecimal("0.011"), entry.filledQuantity(), "the late fill counts once");
    }

    @Test
    void pagesStayPutWhileOrdersAreWrittenBetweenThem() throws Exception {
        List<Journaled> orders = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Two orders a minute: their order within a minute is by id.
            orders.add(requested(BTCUSDT, "strategy-" + (i % 2), T1.plus(Duration.ofMinutes(i / 2)), i));
        }
        store.apply(orders);
        List<String> expected = queries.orders(ReadFilter.ALL, PageRequest.first(500)).toCompletableFuture().get().items().stream()
                .map(OrderRow::clientOrderId).toList();
        assertEquals(23, expected.size());

        List<OrderRow> seen = new ArrayList<>();
        Page<OrderRow> page = queries.orders(ReadFilter.ALL, PageRequest.first(5)).toCompletableFuture().get();
        seen.addAll(page.items());
        int written = 0;
        while (page.nextCursor() != null) {
            // A newer and an older order arrive between two pages.
            store.apply(List.of(requested(BTCUSDT, "strategy-0", T3.plus(Duration.ofHours(written + 1)), 100 + written),
                    requested(BTCUSDT, "strategy-0", T1.minus(Duration.ofHours(written + 1)), 200 + written)));
            written++;
            page = queries.orders(ReadFilter.ALL, new PageRequest(5, queries.parse(ReadKind.ORDERS, Map.of("cursor", page.nextCursor())).page()
                    .cursor())).toCompletableFuture().get();
            seen.addAll(page.items());
        }
        List<String> ids = seen.stream().map(OrderRow::clientOrderId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no order twice");
        assertEquals(expected, ids.stream().filter(expected::contains).toList(), "every order there at the start, once, in order");
        for (int i = 1; i < seen.size(); i++) {
            OrderRow a = seen.get(i - 1);
            OrderRow b = seen.get(i);
            assertTrue(a.decisionTime().isAfter(b.decisionTime())
                    || a.decisionTime().equals(b.decisionTime()) && a.clientOrderId().compareTo(b.clientOrderId()) > 0, "newest first: " + ids);
        }
        assertTrue(seen.stream().noneMatch(o -> o.decisionTime().isAfter(T3)), "newer orders are before the first page");
        assertEquals(23 + 2 * written, page.total());

        Page<OrderRow> odd = queries.orders(new ReadFilter(Set.of("new"), null, "strategy-1", null, null), PageRequest.first(500))
                .toCompletableFuture().get();
        assertEquals(11, odd.total());
        assertTrue(odd.items().stream().allMatch(o -> o.strategy().equals("strategy-1") && o.status() == OrderStatus.NEW));
    }

    /** Signal, decision, order, fill, position: an entry at T1 and its exit at T2, and a rejected SHORT at T3. */
    private List<Journaled> oneTrade() {
        List<Journaled> out = new ArrayList<>();
        String strategy = "Strategy|ema-cross:binance:BTCUSDT";
        String order1 = "Order|" + ENTRY.value();
        String order2 = "Order|" + EXIT.value();
        String position = "Position|" + POSITION;
        OrderRequest entry = new OrderRequest(ENTRY, EMA_CROSS, BTCUSDT, OrderSide.BUY, OrderType.MARKET, Quantity.of("0.01"), null, T1);
        OrderRequest exit = new OrderRequest(EXIT, EMA_CROSS, BTCUSDT, OrderSide.SELL, OrderType.MARKET, Quantity.of("0.01"), null, T2, true);
        Fill in = fill(ENTRY, "1001", OrderSide.BUY, "24960", "0.01", "0.2496", T1.plusSeconds(60));
        Fill outFill = fill(EXIT, "1002", OrderSide.SELL, "25040", "0.01", "0.2504", T2.plusSeconds(60));
        out.add(journaled(strategy, new StrategyEntity.SignalEmitted(signal(SignalDirection.LONG, T1, "24950"))));
        out.add(journaled("Account|account", new AccountEntity.IntentApproved(new IntentDecision(IntentDecision.Outcome.APPROVED, ENTRY.value(),
                BTCUSDT.value(), T1, entry, POSITION, null, null, Map.of("stop", "24900")), true, 1)));
        out.add(journaled(order1, new OrderEntity.OrderRequested(entry, POSITION, Price.of("24950"), Instant.EPOCH)));
        out.add(journaled(order1, new OrderEntity.OrderSubmitted(ENTRY.value())));
        out.add(journaled(order1, new OrderEntity.OrderAccepted("v1")));
        out.add(journaled(order1, new OrderEntity.OrderFilled(in, OrderStatus.FILLED)));
        out.add(journaled(position, new PositionEntity.PositionOpened(in, null, false, null, null)));
        out.add(journaled("Account|account", new AccountEntity.FillBookedEvent(in, Quantity.of("0.01"), true)));
        out.add(journaled(strategy, new StrategyEntity.SignalEmitted(signal(SignalDirection.FLAT, T2, "25050"))));
        out.add(journaled("Account|account", new AccountEntity.IntentApproved(new IntentDecision(IntentDecision.Outcome.APPROVED, EXIT.value(),
                BTCUSDT.value(), T2, exit, POSITION, null, null, Map.of()), false, 1)));
        out.add(journaled(order2, new OrderEntity.OrderRequested(exit, POSITION, Price.of("25050"), Instant.EPOCH)));
        out.add(journaled(order2, new OrderEntity.OrderSubmitted(EXIT.value())));
        out.add(journaled(order2, new OrderEntity.OrderAccepted("v2")));
        out.add(journaled(order2, new OrderEntity.OrderFilled(outFill, OrderStatus.FILLED)));
        out.add(journaled(position, new PositionEntity.PositionClosed(outFill, null, false, null, null)));
        out.add(journaled(strategy, new StrategyEntity.SignalEmitted(signal(SignalDirection.SHORT, T3, "25000"))));
        ClientOrderId shortId = ClientOrderId.derive(EMA_CROSS, BTCUSDT, T3, 0);
        out.add(journaled("Account|account", new AccountEntity.IntentRejected(new IntentDecision(IntentDecision.Outcome.REJECTED, shortId.value(),
                BTCUSDT.value(), T3, null, null, "long_only", "spot is long only", Map.of()))));
        return out;
    }

    private Journaled requested(InstrumentId instrument, String strategy, Instant time, int n) {
        ClientOrderId id = ClientOrderId.ofKey("order-" + n);
        OrderRequest r = new OrderRequest(id, new StrategyId(strategy), instrument, OrderSide.BUY, OrderType.LIMIT, Quantity.of("0.01"),
                Price.of("24000"), time);
        return journaled("Order|" + id.value(), new OrderEntity.OrderRequested(r, null));
    }

    private static Signal signal(SignalDirection direction, Instant time, String price) {
        return new Signal(EMA_CROSS, BTCUSDT, Timeframe.M1, time, direction, 0.75, Price.of(price), "a reason, with a comma",
                Map.of("regime", "trend"));
    }

    private Journaled journaled(String persistenceId, Object event) {
        long seq = seqs.merge(persistenceId, 1L, Long::sum);
        return new Journaled(++ordering, persistenceId, seq, event);
    }

    private static int indexOf(List<Journaled> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i).event())) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    /** Every row of every read-model table, as text. */
    private String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("rm_orders", "rm_fills", "rm_positions", "rm_trades", "rm_signals", "rm_applied")) {
            try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    out.append(table);
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        out.append('|').append(rs.getString(i));
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
