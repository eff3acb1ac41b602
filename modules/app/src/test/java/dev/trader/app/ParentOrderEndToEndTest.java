package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.trader.app.testing.FixtureCandles;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.order.ParentStatus;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries executed by TWAP on the production wiring (prop-firm risk, in-trade management, the paper
 * venue, H2), fed the real BTCUSDT and ETHUSDT minutes of the engine fixtures one bar at a time:
 * every child is an Order entity of its own under an id derived from its parent, the position and
 * the account end at exactly what the parent bought, and a node killed in the middle of a plan
 * resumes to the same children and books as a run that was never interrupted.
 */
class ParentOrderEndToEndTest {
    private static final Duration ASK = Duration.ofSeconds(20);
    private static List<Bar> bars;

    @TempDir
    Path workDir;

    @BeforeAll
    static void readFixtures() throws Exception {
        List<Bar> all = new ArrayList<>();
        all.addAll(bars(TestNodes.FIXTURES.get(0), InstrumentId.parse("binance:BTCUSDT")));
        all.addAll(bars(TestNodes.FIXTURES.get(1), InstrumentId.parse("binance:ETHUSDT")));
        // Feed order: by open time, BTCUSDT before ETHUSDT within a minute (the sort is stable).
        all.sort(Comparator.comparing(Bar::openTime));
        bars = List.copyOf(all);
        assertEquals(1440, bars.size());
    }

    private static List<Bar> bars(Path file, InstrumentId instrument) throws Exception {
        return FixtureCandles.read(file).stream().map(c -> new Bar(instrument, Timeframe.M1, c.openTime(), Price.of(c.open()), Price.of(c.high()),
                Price.of(c.low()), Price.of(c.close()), Quantity.of(c.volume()))).toList();
    }

    /** Every entry above 0 USDT is cut into 3 slices over 6 bars; no spreads are configured, so every child goes at market. */
    private Config config(String journal) {
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal(journal, workDir));
        overrides.put("trader.execution.algo.type", "twap");
        overrides.put("trader.execution.algo.slices", 3);
        overrides.put("trader.execution.algo.horizon-bars", 6);
        overrides.put("trader.execution.algo.slice-above-notional", "0");
        return TestNodes.config(overrides);
    }

    private static BarOutcome feed(TraderNode node, Bar bar) throws Exception {
        return node.pipeline().process(bar).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static <T> T ask(java.util.concurrent.CompletionStage<T> answer) throws Exception {
        return answer.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static ParentOrderState parent(Engine engine, String id) throws Exception {
        return ask(engine.parentOrder(new ClientOrderId(id)).ask(ParentOrderEntity.GetParent::new, ASK));
    }

    private static OrderState order(Engine engine, String id) throws Exception {
        return ask(engine.order(new ClientOrderId(id)).ask(OrderEntity.GetOrder::new, ASK));
    }

    private static AccountState account(Engine engine) throws Exception {
        return ask(engine.account().ask(AccountEntity.GetStatus::new, ASK));
    }

    @Test
    void everyChildIsAnOrderOfItsOwnAndThePositionAndTheAccountEndAtWhatTheParentBought() throws Exception {
        try (TraderNode node = TraderNode.start(config("parent_books"))) {
            Engine engine = node.engine();
            IntentDecision entry = null;
            ParentOrderState done = null;
            for (Bar bar : bars) {
                BarOutcome outcome = feed(node, bar);
                if (entry == null) {
                    entry = outcome.decisions().stream().filter(d -> d.approved() && !d.request().reduceOnly()).findFirst().orElse(null);
                } else {
                    ParentOrderState p = parent(engine, entry.clientOrderId());
                    if (p.status().isOver()) {
                        done = p;
                        break;
                    }
                }
            }
            assertNotNull(done, "the fixtures decide an entry and its parent ends");
            assertEquals(ParentStatus.DONE, done.status(), done.note());
            Quantity bought = entry.request().quantity();
            assertEquals(bought, done.quantity());
            assertEquals(Quantity.ZERO, done.remaining(), done.note());
            assertEquals(3, done.children().size(), done.spec().describe());

            List<String> trades = new ArrayList<>();
            Quantity childFills = Quantity.ZERO;
            for (ChildOrder c : done.children()) {
                assertEquals(ChildOrderIds.of(new ClientOrderId(entry.clientOrderId()), c.seq()).value(), c.clientOrderId(), "derived from parent and number");
                OrderState o = order(engine, c.clientOrderId());
                assertTrue(o.exists(), c.clientOrderId() + " is an Order entity of its own");
                assertEquals(c.request(), o.request());
                assertEquals(entry.positionId(), o.positionId(), "every child fills the parent's position");
                assertEquals(OrderStatus.FILLED, o.status());
                for (Fill f : o.fills()) {
                    assertEquals(c.request().clientOrderId(), f.clientOrderId());
                    childFills = childFills.plus(f.quantity());
                    trades.add(f.tradeId().value());
                }
            }
            assertEquals(bought, childFills, "the children bought exactly the parent");
            assertFalse(order(engine, entry.clientOrderId()).exists(), "the parent itself is never sent");

            PositionState position = ask(engine.position(entry.positionId()).ask(PositionEntity.GetPosition::new, ASK));
            assertEquals(bought, position.position().quantity(), "the position holds what the parent bought");
            assertTrue(position.appliedTradeIds().containsAll(trades));
            AccountState account = account(engine);
            assertFalse(account.openOrders().containsKey(entry.clientOrderId()), "the account's open order is filled by the children's fills");
            assertEquals(bought, account.books().get(entry.instrument()).filled(), "the account holds what the parent bought");
            assertTrue(account.bookedTradeIds().containsAll(trades), "every child's fill is booked once");

            HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.httpPort() + "/api/parent-orders/" + entry.clientOrderId())).header("Authorization", TestNodes.AUTH).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, http.statusCode(), http.body());
            assertTrue(http.body().contains("\"status\":\"DONE\"") && http.body().contains("\"remaining\":\"0\"")
                    && http.body().contains(done.children().get(2).clientOrderId()), http.body());
            HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.httpPort() + "/api/parent-orders/tnoparent")).header("Authorization", TestNodes.AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode(), unknown.body());
        }
    }

    @Test
    void aNodeKilledInTheMiddleOfAPlanResumesToTheSameChildrenAndBooksAsAnUninterruptedRun() throws Exception {
        Books expected;
        String firstParent;
        try (TraderNode node = TraderNode.start(config("parent_reference"))) {
            for (Bar bar : bars) {
                feed(node, bar);
            }
            expected = Books.of(node.engine());
            // The first parent that went to the end of its plan.
            firstParent = expected.parents().values().stream().filter(p -> p.status() == ParentStatus.DONE && p.children().size() == 3)
                    .min(Comparator.comparing(p -> p.spec().start())).orElseThrow().parentId();
        }
        assertTrue(expected.parents().size() >= 2, "the fixtures start several parents: " + expected.parents().keySet());
        ParentOrderState reference = expected.parents().get(firstParent);

        // Stop right after the second child was created (and placed), before it filled.
        Config config = config("parent_interrupted");
        TraderNode first = TraderNode.start(config);
        ChildOrder second = reference.children().get(1);
        int cut = -1;
        for (int i = 0; i < bars.size(); i++) {
            feed(first, bars.get(i));
            Bar b = bars.get(i);
            if (b.instrument().equals(reference.spec().parent().instrument()) && b.closeTime().equals(second.request().decisionTime())) {
                cut = i;
                break;
            }
        }
        assertTrue(cut > 0);
        ParentOrderState atCut = parent(first.engine(), firstParent);
        assertEquals(2, atCut.children().size(), "killed mid-plan");
        assertEquals(OrderStatus.ACCEPTED, order(first.engine(), second.clientOrderId()).status(), "the second child rests unfilled");
        first.system().terminate();
        first.whenStopped().toCompletableFuture().get();

        try (TraderNode second2 = TraderNode.start(config)) {
            for (Bar bar : bars) {
                feed(second2, bar);
            }
            Books resumed = Books.of(second2.engine());
            assertEquals(expected.parents(), resumed.parents(), "every parent with the same children, none twice and none skipped");
            assertEquals(expected.childFills(), resumed.childFills(), "every child filled the same trades");
            assertEquals(expected.account().cash(), resumed.account().cash(), "cash");
            assertEquals(expected.account().books(), resumed.account().books(), "holdings");
            assertEquals(expected.account().bookedTradeIds(), resumed.account().bookedTradeIds(), "every fill booked once");
            assertEquals(expected.account().openOrders(), resumed.account().openOrders(), "open orders");
            assertEquals(expected.positions(), resumed.positions(), "positions");
        }
    }

    /** What the test compares: every parent order (by the approved entries), its children's fills, the account and the positions. */
    private record Books(Map<String, ParentOrderState> parents, Map<String, List<String>> childFills, AccountState account,
                         Map<String, String> positions) {
        static Books of(Engine engine) throws Exception {
            AccountState account = ParentOrderEndToEndTest.account(engine);
            Map<String, ParentOrderState> parents = new TreeMap<>();
            Map<String, List<String>> fills = new TreeMap<>();
            Map<String, String> positions = new TreeMap<>();
            for (IntentDecision d : account.decisions().values()) {
                if (!d.approved() || d.request().reduceOnly()) {
                    continue;
                }
                ParentOrderState p = parent(engine, d.clientOrderId());
                if (p.exists()) {
                    parents.put(d.clientOrderId(), p);
                    for (ChildOrder c : p.children()) {
                        fills.put(c.clientOrderId(), order(engine, c.clientOrderId()).fills().stream()
                                .map(f -> f.tradeId() + "@" + f.price() + "x" + f.quantity()).toList());
                    }
                }
                PositionState position = ask(engine.position(d.positionId()).ask(PositionEntity.GetPosition::new, ASK));
                positions.put(d.positionId(), String.valueOf(position.position()));
            }
            return new Books(parents, fills, account, positions);
        }
    }
}
