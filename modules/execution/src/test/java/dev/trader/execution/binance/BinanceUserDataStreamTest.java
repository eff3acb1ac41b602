package dev.trader.execution.binance;

import static dev.trader.execution.binance.TestSetup.join;
import static dev.trader.execution.binance.TestSetup.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceUserDataStreamTest {
    private BinanceStandIn rest;
    private StandInUserStream ws;
    private BinanceVenue venue;
    private final List<Fill> fills = new CopyOnWriteArrayList<>();
    private final List<BalanceSnapshot> balances = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rest = new BinanceStandIn();
        ws = new StandInUserStream();
        BinanceSettings settings = TestSetup.settings(rest).wsBaseUrl(ws.url()).keepAliveInterval(Duration.ofMillis(200)).build();
        venue = BinanceVenue.create(settings, TestSetup.credentials(), List.of(TestSetup.btcRules()));
        venue.executionClient().setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
        venue.balances().setListener(balances::add);
        join(venue.start());
    }

    @AfterEach
    void stop() throws Exception {
        venue.close();
        ws.close();
        rest.close();
    }

    private long submit(String id) {
        join(venue.executionClient().submit(BinanceExecutionClientTest.request(id, OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
        return rest.order(id).orderId();
    }

    @Test
    void startReadsTheExchangeConnectsRepairsAndReadsTheBalances() {
        // No cursor: the newest trade (where later repairs start if the lookback finds nothing), then the lookback.
        assertEquals(List.of("GET /api/v3/time", "GET /api/v3/exchangeInfo", "POST /api/v3/userDataStream", "GET /api/v3/myTrades",
                "GET /api/v3/myTrades", "GET /api/v3/account"), rest.requests.stream().map(BinanceStandIn.Request::route).toList());
        assertEquals(List.of("key1"), ws.connectedKeys);
        assertTrue(venue.userDataStream().status().connected());
        assertEquals(Quantity.of("0.5"), venue.balances().current().get("BTC").free());
        assertEquals(BalanceSnapshot.Source.REST_ACCOUNT, balances.get(0).source());
        waitUntil("the listen key is kept alive", () -> rest.requests("PUT /api/v3/userDataStream").size() >= 2);
        assertEquals("key1", rest.requests("PUT /api/v3/userDataStream").get(0).params().get("listenKey"));
    }

    @Test
    void executionReportsBecomeFillsAndAccountPositionsUpdateTheBalances() {
        long orderId = submit("tWs");
        ws.send(BinanceUserDataParserTest.trade("BTCUSDT", "tWs", 321, "BUY", "25000.00000000", "0.01000000", "0.25000000", "USDT", "FILLED")
                .replace("\"i\": 4293153", "\"i\": " + orderId));
        ws.send("{\"e\":\"outboundAccountPosition\",\"E\":" + (System.currentTimeMillis() + 5_000) + ",\"u\":" + (System.currentTimeMillis() + 5_000)
                + ",\"B\":[{\"a\":\"BTC\",\"f\":\"0.51000000\",\"l\":\"0.00000000\"}]}");
        waitUntil("the fill arrived", () -> fills.size() == 1);
        assertEquals("tWs", fills.get(0).clientOrderId().value());
        assertEquals("BTCUSDT-321", fills.get(0).tradeId().value());
        waitUntil("the balance changed", () -> Quantity.of("0.51").equals(venue.balances().current().get("BTC").free()));
        assertEquals(Quantity.of("10000"), venue.balances().current().get("USDT").free(), "an asset not in the update stays");
        assertEquals(BalanceSnapshot.Source.USER_STREAM, balances.get(balances.size() - 1).source());
        assertTrue(venue.userDataStream().status().lastEventTime() != null);
    }

    @Test
    void aDroppedConnectionReconnectsAndTheMissedFillsAreRepaired() {
        long orderId = submit("tGap");
        ws.dropAll();
        rest.addTrade("BTCUSDT", orderId, "25000", "0.01", "0.25", "USDT", true); // filled while we were away
        waitUntil("reconnected", () -> venue.userDataStream().status().reconnects() == 1 && venue.userDataStream().status().connected());
        waitUntil("the missed fill was repaired", () -> fills.size() == 1);
        assertEquals("tGap", fills.get(0).clientOrderId().value());
        assertEquals(2, rest.requests("POST /api/v3/userDataStream").size());
        assertEquals(3, rest.requests("GET /api/v3/myTrades").size(), "two at the start, one after the reconnect");
    }

    @Test
    void anExpiredListenKeyIsReplaced() {
        ws.send("{\"e\": \"listenKeyExpired\", \"E\": " + System.currentTimeMillis() + ", \"listenKey\": \"key1\"}");
        waitUntil("connected with a new key", () -> ws.connectedKeys.size() == 2 && venue.userDataStream().status().connected());
        assertEquals(List.of("key1", "key2"), ws.connectedKeys);
    }

    @Test
    void hostileFramesAreCountedAndApplyNothing() {
        long orderId = submit("tHostile");
        ws.send("{not json");
        ws.send(BinanceUserDataParserTest.trade("BTCUSDT", "tHostile", 5, "BUY", "NaN", "0.01000000", "0", "USDT", "FILLED")
                .replace("\"i\": 4293153", "\"i\": " + orderId));
        ws.send("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":1,\"B\":[{\"a\":\"BTC\",\"f\":\"-3\",\"l\":\"0\"}]}");
        waitUntil("three frames refused", () -> venue.userDataStream().status().rejectedFrames() == 3);
        assertTrue(fills.isEmpty());
        assertEquals(Quantity.of("0.5"), venue.balances().current().get("BTC").free());
        assertTrue(venue.userDataStream().status().lastRejection().contains("'f' must be a non-negative decimal but was '-3'"));
    }
}
