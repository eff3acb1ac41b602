package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.JournalBackend;
import dev.trader.app.testing.JournalTable;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.instrument.InstrumentState;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.position.PositionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives real bars through the whole engine, stops the actor system without any shutdown
 * courtesy, starts a new one on the same journal, and checks that every entity comes back
 * exactly as it was and that replaying the same bars adds nothing. Runs on H2 and on a real
 * PostgreSQL.
 */
class RecoveryTest {
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
    void everyEntityRecoversExactlyAndAReplayAddsNothing(JournalBackend backend) throws Exception {
        Config config = TestNodes.config(backend.freshJournal("recovery_" + System.nanoTime(), workDir));
        JournalTable journal = new JournalTable(config);

        EngineSnapshot before;
        TraderNode first = TraderNode.start(config);
        ReplayReport firstRun = replay(first);
        before = EngineSnapshot.of(first.engine());
        // Abrupt: no unbinding, no waiting for anything but the system itself to go.
        first.system().terminate();
        first.whenStopped().toCompletableFuture().get();
        assertFalse(first.observing(), "a node gone without close() stops sampling: its gauges would read as the next node's");

        assertEquals(1440, firstRun.barsNew(), "every fixture bar is new on the first run");
        assertTrue(before.account().approvedCount() >= 10, "the fixtures trade: " + before.account().approvedCount() + " orders");
        assertTrue(before.orders().values().stream().allMatch(o -> o.status().isTerminal() || o.fills().isEmpty()),
                "orders are filled or waiting for the next bar");
        for (InstrumentState i : before.instruments().values()) {
            assertEquals(Instant.parse("2023-03-17T10:14:00Z"), i.watermark(), i.instrument());
            assertEquals(720, i.barsAccepted(), i.instrument());
        }
        long rowsBefore = journal.rows();

        try (TraderNode second = TraderNode.start(config)) {
            EngineSnapshot recovered = EngineSnapshot.of(second.engine());
            assertEquals(before, recovered, "state after recovery equals state before the stop");

            ReplayReport again = replay(second);
            assertEquals(0, again.barsNew(), "no bar is new the second time");
            assertEquals(0, again.ordersApproved(), "no order is approved the second time");
            EngineSnapshot afterReplay = EngineSnapshot.of(second.engine());
            assertEquals(before, afterReplay, "replaying the same bars changes no entity");
            assertEquals(rowsBefore, journal.rows(), "replaying the same bars journals nothing");
        }
        assertEquals(List.of(), journal.nonContiguousPersistenceIds(), "sequence numbers run 1..n for every entity");
        System.out.printf("[recovery/%s] %d journal rows, %d orders, %d positions, cash %s: identical after restart and replay%n",
                backend.name(), rowsBefore, before.orders().size(), before.positions().size(), before.account().cash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aStopInTheMiddleOfTradingResumesToTheSameBooksAsAnUninterruptedRun(JournalBackend backend) throws Exception {
        Config reference = TestNodes.config(backend.freshJournal("reference_" + System.nanoTime(), workDir));
        EngineSnapshot expected;
        try (TraderNode node = TraderNode.start(reference)) {
            replay(node);
            expected = EngineSnapshot.of(node.engine());
        }

        Config config = TestNodes.config(backend.freshJournal("interrupted_" + System.nanoTime(), workDir));
        TraderNode first = TraderNode.start(config);
        var running = new FileReplay(first.engine(), first.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture();
        waitForBars(first, 600);
        first.system().terminate();
        first.whenStopped().toCompletableFuture().get();
        assertTrue(running.handle((r, e) -> e != null).get(), "the replay was cut off mid-way");

        try (TraderNode second = TraderNode.start(config)) {
            replay(second);
            EngineSnapshot resumed = EngineSnapshot.of(second.engine());
            assertEquals(expected.account().cash(), resumed.account().cash(), "cash");
            assertEquals(expected.account().books(), resumed.account().books(), "holdings");
            assertEquals(expected.account().decisions(), resumed.account().decisions(), "every decision");
            assertEquals(expected.account().bookedTradeIds(), resumed.account().bookedTradeIds(), "every fill booked once");
            assertEquals(expected.account().risk(), resumed.account().risk(), "the risk state (prop-firm book, kill switches, marks)");
            assertEquals(expected.instruments(), resumed.instruments(), "instruments");
            assertEquals(expected.strategies(), resumed.strategies(), "strategies");
            assertEquals(fills(expected.orders().values()), fills(resumed.orders().values()), "order fills");
            assertEquals(positions(expected), positions(resumed), "positions");
            assertEquals(List.of(), new JournalTable(config).nonContiguousPersistenceIds());
        }
    }

    private static List<String> fills(java.util.Collection<OrderState> orders) {
        return orders.stream().flatMap(o -> o.fills().stream()).map(f -> f.tradeId() + "@" + f.price() + "x" + f.quantity()).sorted().toList();
    }

    private static List<String> positions(EngineSnapshot s) {
        return s.positions().values().stream().map(PositionState::position).map(String::valueOf).toList();
    }

    private static void waitForBars(TraderNode node, long atLeast) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long bars = EngineSnapshot.of(node.engine()).instruments().values().stream().mapToLong(InstrumentState::barsAccepted).sum();
            if (bars >= atLeast) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the replay did not reach " + atLeast + " bars");
    }

    private static ReplayReport replay(TraderNode node) throws Exception {
        return new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
    }
}
