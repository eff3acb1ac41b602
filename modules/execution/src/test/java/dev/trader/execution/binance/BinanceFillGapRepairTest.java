package dev.trader.execution.binance;

import static dev.trader.execution.binance.TestSetup.BTC;
import static dev.trader.execution.binance.TestSetup.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.TradeId;
import dev.trader.domain.money.Money;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.execution.binance.BinanceStandIn.Response;
import dev.trader.execution.binance.BinanceStandIn.StandInOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceFillGapRepairTest {
    private BinanceStandIn standIn;
    private ScheduledExecutorService timer;
    private BinanceExecutionClient client;
    private final List<Fill> fills = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        standIn = new BinanceStandIn();
        timer = TestSetup.timer();
        BinanceRestClient rest = TestSetup.rest(TestSetup.settings(standIn).build(), timer);
        client = new BinanceExecutionClient(rest, List.of(TestSetup.btcRules()), timer, Duration.ofHours(1));
        client.adopt(join(rest.exchangeInfo(List.of("BTCUSDT"))));
        client.setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
    }

    @AfterEach
    void stop() {
        standIn.close();
        timer.shutdownNow();
    }

    @Test
    void missedTradesAreFoundByMyTradesAndTheirOrdersByAllOrdersThenOrderByOrder() {
        join(client.submit(BinanceExecutionClientTest.request("tKnown", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
        long known = standIn.order("tKnown").orderId();
        // An order of the previous process: this one has never heard of it.
        standIn.orders.put("tOld", new StandInOrder("BTCUSDT", 555, "tOld", "BUY", "MARKET", "0.02", "FILLED"));
        BinanceStandIn.StandInTrade old = standIn.addTrade("BTCUSDT", 555, "24000", "0.02", "0.00002", "BTC", true);
        BinanceStandIn.StandInTrade mine = standIn.addTrade("BTCUSDT", known, "25000", "0.01", "0.25", "USDT", true);
        BinanceStandIn.StandInTrade stray = standIn.addTrade("BTCUSDT", 999, "25000", "0.01", "0.25", "USDT", true);
        standIn.requests.clear();

        assertEquals(2, join(client.repairFills()));
        join(client.fillsDelivered());
        assertEquals(List.of("tOld", "tKnown"), fills.stream().map(f -> f.clientOrderId().value()).toList(), "in trade-id order");
        assertEquals(new TradeId("BTCUSDT-" + old.id()), fills.get(0).tradeId());
        assertEquals(Money.of("0.48", "USDT"), fills.get(0).fee(), "0.00002 BTC at 24000");
        assertEquals(List.of("GET /api/v3/myTrades", "GET /api/v3/myTrades", "GET /api/v3/allOrders", "GET /api/v3/order"),
                standIn.requests.stream().map(BinanceStandIn.Request::route).toList());
        assertEquals("555", standIn.requests("GET /api/v3/allOrders").get(0).params().get("orderId"), "from the oldest unknown order on");
        assertEquals("999", standIn.requests("GET /api/v3/order").get(0).params().get("orderId"));
        assertEquals("1", standIn.requests("GET /api/v3/myTrades").get(0).params().get("limit"), "no cursor yet: the newest trade first");
        assertTrue(standIn.requests("GET /api/v3/myTrades").get(1).params().containsKey("startTime"), "then the lookback");

        standIn.requests.clear();
        assertEquals(0, join(client.repairFills()));
        assertTrue(mine.id() < stray.id());
        assertEquals(String.valueOf(mine.id() + 1), standIn.requests("GET /api/v3/myTrades").get(0).params().get("fromId"),
                "the next repair starts after the last trade delivered: the unidentified one is tried again");
        assertEquals(2, fills.size(), "nothing twice");
    }

    @Test
    void aRestoredCursorIsWhereTheRepairStarts() {
        client.restoreTradeCursor(BTC, new TradeId("BTCUSDT-41"));
        join(client.repairFills());
        assertEquals("42", standIn.requests("GET /api/v3/myTrades").get(0).params().get("fromId"));
    }

    @Test
    void streamTradesArrivingDuringARepairFollowTheRepairedOnes() {
        join(client.submit(BinanceExecutionClientTest.request("tEntry", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
        long entry = standIn.order("tEntry").orderId();
        BinanceStandIn.StandInTrade missed = standIn.addTrade("BTCUSDT", entry, "25000", "0.01", "0.25", "USDT", true);
        standIn.script("GET /api/v3/myTrades", r -> Response.json(200, "[" + missed.json() + "]").delayed(300));
        var repair = client.repairFills();
        TestSetup.waitUntil("the repair asked", () -> !standIn.requests("GET /api/v3/myTrades").isEmpty());
        // The stop that closed the position reaches the stream while the entry is still being repaired.
        client.onExecutionReport(BinanceExecutionClientTest.report("tEntry", entry, missed.id() + 1, "SELL", "24000", "0.01", "0.24", "USDT", "FILLED"));
        join(repair);
        join(client.fillsDelivered());
        assertEquals(List.of(missed.id(), missed.id() + 1), fills.stream().map(f -> Long.parseLong(f.tradeId().value().substring(8))).toList());
    }
}
