package dev.trader.execution.binance;

import static dev.trader.execution.binance.TestSetup.BTC;
import static dev.trader.execution.binance.TestSetup.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.execution.binance.BinanceStandIn.Response;
import dev.trader.execution.binance.BinanceStandIn.StandInOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceExecutionClientTest {
    private static final Instant T0 = Instant.parse("2023-03-17T10:00:00Z");
    private BinanceStandIn standIn;
    private ScheduledExecutorService timer;
    private BinanceExecutionClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = new BinanceStandIn();
        timer = TestSetup.timer();
        BinanceRestClient rest = TestSetup.rest(TestSetup.settings(standIn).requestTimeout(Duration.ofMillis(500)).build(), timer);
        client = new BinanceExecutionClient(rest, List.of(TestSetup.btcRules(), TestSetup.ethRules()), timer, Duration.ofHours(1));
        client.adopt(join(rest.exchangeInfo(List.of("BTCUSDT", "ETHUSDT"))));
        standIn.requests.clear();
    }

    @AfterEach
    void stop() {
        standIn.close();
        timer.shutdownNow();
    }

    static OrderRequest request(String id, OrderSide side, OrderType type, String qty, String price, boolean reduceOnly) {
        return new OrderRequest(new ClientOrderId(id), new StrategyId("ema-cross"), BTC, side, type, Quantity.of(qty),
                price == null ? null : Price.of(price), T0, reduceOnly);
    }

    private SubmitResult submit(OrderRequest r) {
        return join(client.submit(r));
    }

    private BinanceStandIn.Request lastPost() {
        List<BinanceStandIn.Request> posts = standIn.requests("POST /api/v3/order");
        return posts.get(posts.size() - 1);
    }

    @Test
    void eachOrderTypeIsSentAsItsBinanceTypeUnderOurClientOrderId() {
        SubmitResult limit = submit(request("tLimit", OrderSide.BUY, OrderType.LIMIT, "0.0123456", "25000.019", false));
        assertEquals(SubmitOutcome.ACCEPTED, limit.outcome());
        assertEquals(String.valueOf(standIn.order("tLimit").orderId()), limit.venueOrderId());
        BinanceStandIn.Request post = lastPost();
        assertEquals("LIMIT", post.params().get("type"));
        assertEquals("GTC", post.params().get("timeInForce"));
        assertEquals("0.01234", post.params().get("quantity"));
        assertEquals("25000.01", post.params().get("price"));
        assertEquals("tLimit", post.params().get("newClientOrderId"));

        submit(request("tStop", OrderSide.SELL, OrderType.STOP_MARKET, "0.01", "24000.005", false));
        assertEquals("STOP_LOSS", lastPost().params().get("type"));
        assertEquals("24000.01", lastPost().params().get("stopPrice"));
        assertEquals(null, lastPost().params().get("price"));

        submit(request("tMarket", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        assertEquals("MARKET", lastPost().params().get("type"));
        assertEquals(null, lastPost().params().get("timeInForce"));
    }

    @Test
    void aDuplicateOfOurOwnOrderIsQueriedAndAccepted() {
        standIn.orders.put("tDup", new StandInOrder("BTCUSDT", 777, "tDup", "BUY", "LIMIT", "0.01", "NEW"));
        SubmitResult r = submit(request("tDup", OrderSide.BUY, OrderType.LIMIT, "0.01", "25000", false));
        assertEquals(SubmitOutcome.ACCEPTED, r.outcome());
        assertEquals("777", r.venueOrderId());
        assertEquals(List.of("POST /api/v3/order", "GET /api/v3/order"), standIn.requests.stream().map(BinanceStandIn.Request::route).toList());
    }

    @Test
    void sendingAnIdAgainAsksFirstBecauseBinanceOnlyRefusesDuplicatesWhileOpen() {
        submit(request("tAgain", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        standIn.orders.computeIfPresent("tAgain", (k, o) -> o.with("FILLED"));
        SubmitResult again = submit(request("tAgain", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        assertEquals(SubmitOutcome.ACCEPTED, again.outcome());
        assertEquals(1, standIn.requests("POST /api/v3/order").size(), "a filled order is not bought twice");
    }

    @Test
    void refusalsAreRejectedAndUnprovableAnswersUnknown() {
        standIn.script("POST /api/v3/order", Response.error(400, -2010, "Account has insufficient balance for requested action."));
        SubmitResult refused = submit(request("t1", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        assertEquals(SubmitOutcome.REJECTED, refused.outcome());
        assertEquals("binance -2010: Account has insufficient balance for requested action.", refused.reason());
        standIn.script("POST /api/v3/order", Response.error(400, -1013, "Filter failure: NOTIONAL"));
        assertEquals("binance -1013: Filter failure: NOTIONAL", submit(request("t2", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)).reason());

        standIn.script("POST /api/v3/order", Response.json(502, "Bad Gateway"));
        assertEquals(SubmitOutcome.UNKNOWN, submit(request("t3", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)).outcome());
        standIn.script("POST /api/v3/order", Response.error(500, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
        assertEquals(SubmitOutcome.UNKNOWN, submit(request("t4", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)).outcome());
        standIn.script("POST /api/v3/order", Response.json(200, "{}").delayed(1_000));
        SubmitResult slow = submit(request("t5", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        assertEquals(SubmitOutcome.UNKNOWN, slow.outcome());
        assertEquals("POST /api/v3/order: no answer within 500 ms", slow.reason());
        standIn.script("POST /api/v3/order", Response.json(200, "{\"symbol\":\"BTCUSDT\",\"orderId\":-5,\"clientOrderId\":\"t6\"}"));
        SubmitResult hostile = submit(request("t6", OrderSide.BUY, OrderType.MARKET, "0.01", null, false));
        assertEquals(SubmitOutcome.UNKNOWN, hostile.outcome());
        assertTrue(hostile.reason().contains("field 'orderId' must not be negative"), hostile.reason());
    }

    @Test
    void ordersTheExchangeMustRefuseAreRejectedHereAndNeverSent() {
        SubmitResult small = submit(request("t1", OrderSide.BUY, OrderType.LIMIT, "0.000009", "25000", false));
        assertEquals(SubmitOutcome.REJECTED, small.outcome());
        assertTrue(small.reason().startsWith("LOT_SIZE"), small.reason());
        SubmitResult cheap = submit(request("t2", OrderSide.BUY, OrderType.LIMIT, "0.0001", "25000", false));
        assertTrue(cheap.reason().startsWith("NOTIONAL"), cheap.reason());
        OrderRequest other = new OrderRequest(new ClientOrderId("t3"), new StrategyId("s"), InstrumentId.parse("binance:SOLUSDT"), OrderSide.BUY,
                OrderType.MARKET, Quantity.of("1"), null, T0);
        assertTrue(submit(other).reason().contains("not traded"));
        assertTrue(standIn.requests.isEmpty());
    }

    @Test
    void queryMapsBinanceStatusesAndMinus2013IsEmpty() {
        assertEquals(Optional.empty(), join(client.query(new ClientOrderId("tNowhere"))), "not found on any traded symbol");
        submit(request("tQ", OrderSide.BUY, OrderType.LIMIT, "0.01", "25000", false));
        assertEquals(Optional.of(OrderStatus.ACCEPTED), join(client.query(new ClientOrderId("tQ"))));
        for (String[] m : new String[][] {{"PARTIALLY_FILLED", "PARTIALLY_FILLED"}, {"FILLED", "FILLED"}, {"CANCELED", "CANCELLED"},
                {"PENDING_CANCEL", "ACCEPTED"}, {"REJECTED", "REJECTED"}, {"EXPIRED", "EXPIRED"}, {"EXPIRED_IN_MATCH", "EXPIRED"}}) {
            standIn.orders.computeIfPresent("tQ", (k, o) -> o.with(m[0]));
            assertEquals(Optional.of(OrderStatus.valueOf(m[1])), join(client.query(new ClientOrderId("tQ"))), m[0]);
        }
        standIn.script("GET /api/v3/order", Response.json(200, standIn.order("tQ").with("HALF_DONE").json()));
        BinanceResponseRejected e = TestSetup.failure(BinanceResponseRejected.class, client.query(new ClientOrderId("tQ")));
        assertTrue(e.getMessage().contains("HALF_DONE"));
        assertEquals(Optional.of(OrderStatus.EXPIRED), join(client.query(new ClientOrderId("tQ"))), "the refused answer changed nothing");
    }

    @Test
    void cancelAcceptsOrRejectsWithBinancesReason() {
        submit(request("tC", OrderSide.BUY, OrderType.LIMIT, "0.01", "25000", false));
        assertEquals(SubmitOutcome.ACCEPTED, join(client.cancel(new ClientOrderId("tC"))).outcome());
        assertEquals("CANCELED", standIn.order("tC").status());
        SubmitResult again = join(client.cancel(new ClientOrderId("tC")));
        assertEquals(SubmitOutcome.REJECTED, again.outcome());
        assertEquals("binance -2011: Unknown order sent.", again.reason());
        assertEquals(SubmitOutcome.REJECTED, join(client.cancel(new ClientOrderId("tNever"))).outcome());
    }

    @Test
    void reduceOnlyIsCappedAtWhatIsHeldSentWholeBeforeItsEntryFillsAndRefusedTheWrongWay() {
        SubmitResult protective = submit(request("tR0", OrderSide.SELL, OrderType.STOP_MARKET, "0.01", "24000", true));
        assertEquals(SubmitOutcome.ACCEPTED, protective.outcome(), "the stop sent with an entry that has not filled yet goes out whole");
        assertEquals("0.01", lastPost().params().get("quantity"));

        client.restoreHolding(BTC, Quantity.of("0.3"));
        assertEquals(SubmitOutcome.ACCEPTED, submit(request("tR1", OrderSide.SELL, OrderType.STOP_MARKET, "0.5", "24000", true)).outcome());
        assertEquals("0.3", lastPost().params().get("quantity"));
        SubmitResult wrongWay = submit(request("tR2", OrderSide.BUY, OrderType.MARKET, "0.5", null, true));
        assertEquals(SubmitOutcome.REJECTED, wrongWay.outcome(), "a long holding cannot be reduced by buying");
        assertTrue(wrongWay.reason().startsWith("reduce-only BUY: nothing to reduce (holding 0.3 BTC)"), wrongWay.reason());
    }

    @Test
    void whenNothingIsHeldAnyMoreTheOtherRestingReduceOnlyOrdersAreCancelled() {
        client.setFillListener(f -> java.util.concurrent.CompletableFuture.completedFuture(null));
        client.restoreHolding(BTC, Quantity.of("0.5"));
        submit(request("tStop", OrderSide.SELL, OrderType.STOP_MARKET, "0.5", "24000", true));
        submit(request("tTarget", OrderSide.SELL, OrderType.LIMIT, "0.5", "26000", true));
        submit(request("tOther", OrderSide.BUY, OrderType.LIMIT, "0.01", "20000", false));
        client.onExecutionReport(report("tTarget", standIn.order("tTarget").orderId(), 900, "SELL", "26000", "0.5", "13", "USDT", "FILLED"));
        TestSetup.waitUntil("the stop is cancelled", () -> "CANCELED".equals(standIn.order("tStop").status()));
        assertEquals(0, client.holding(BTC).signum());
        assertEquals(Optional.of(OrderStatus.CANCELLED), join(client.query(new ClientOrderId("tStop"))));
        assertEquals("NEW", standIn.order("tOther").status(), "an order that may open a position stays");
        assertEquals(1, standIn.requests("DELETE /api/v3/order").size());
    }

    static UserDataEvent.ExecutionReport report(String clientId, long orderId, long tradeId, String side, String price, String qty,
                                                String commission, String asset, String status) {
        try {
            UserDataEvent.ExecutionReport r = (UserDataEvent.ExecutionReport) UserDataParser.parse(
                    BinanceUserDataParserTest.trade("BTCUSDT", clientId, tradeId, side, price, qty, commission, asset, status), 1 << 20);
            return new UserDataEvent.ExecutionReport(r.eventTime(), r.symbol(), r.clientOrderId(), r.originalClientOrderId(), r.side(),
                    r.orderType(), r.executionType(), r.status(), orderId, r.lastQuantity(), r.lastPrice(), r.commission(), r.commissionAsset(),
                    r.transactionTime(), r.tradeId());
        } catch (MalformedAnswer e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFeeInTheBaseAssetIsWorthItsPriceAndReducesTheHolding() {
        List<dev.trader.domain.order.Fill> fills = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.setFillListener(f -> {
            fills.add(f);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        });
        client.onExecutionReport(report("tB", 1, 5, "BUY", "25000", "0.01", "0.00001", "BTC", "FILLED"));
        join(client.fillsDelivered());
        assertEquals(dev.trader.domain.money.Money.of("0.25", "USDT"), fills.get(0).fee());
        assertEquals(new BigDecimal("0.00999"), client.holding(BTC), "Binance keeps the fee out of what was bought");
    }

    @Test
    void aFeeInAnotherAssetNeedsItsPriceOrTheFillIsRefusedLoudly() {
        List<dev.trader.domain.order.Fill> fills = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.setFillListener(f -> {
            fills.add(f);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        });
        try (LogCapture logs = new LogCapture()) {
            client.onExecutionReport(report("tBnb", 1, 6, "BUY", "25000", "0.01", "0.0005", "BNB", "FILLED"));
            join(client.fillsDelivered());
            assertTrue(fills.isEmpty());
            assertEquals(1, client.refusedFills());
            assertTrue(logs.has(ch.qos.logback.classic.Level.ERROR, "fill NOT delivered"), logs.text());
        }
        client.setFeeAssetPrices((asset, quote) -> asset.equals("BNB") ? Optional.of(Price.of("300")) : Optional.empty());
        client.onExecutionReport(report("tBnb", 1, 6, "BUY", "25000", "0.01", "0.0005", "BNB", "FILLED"));
        join(client.fillsDelivered());
        assertEquals(dev.trader.domain.money.Money.of("0.15", "USDT"), fills.get(0).fee());
    }
}
