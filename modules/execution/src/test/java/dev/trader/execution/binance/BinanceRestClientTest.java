package dev.trader.execution.binance;

import static dev.trader.execution.binance.TestSetup.failure;
import static dev.trader.execution.binance.TestSetup.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.execution.binance.BinanceStandIn.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceRestClientTest {
    private BinanceStandIn standIn;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() throws Exception {
        standIn = new BinanceStandIn();
        timer = TestSetup.timer();
    }

    @AfterEach
    void stop() {
        standIn.close();
        timer.shutdownNow();
    }

    private BinanceRestClient client() {
        return TestSetup.rest(TestSetup.settings(standIn).build(), timer);
    }

    private static NewOrder order(String id) {
        return new NewOrder("BTCUSDT", OrderSide.BUY, BinanceOrderType.MARKET, Quantity.of("0.001"), null, null, id);
    }

    private List<String> routes() {
        return standIn.requests.stream().map(BinanceStandIn.Request::route).toList();
    }

    @Test
    void signedRequestsCarryTheKeyAValidSignatureAndTheServersTime() {
        BinanceRestClient rest = client();
        standIn.clockShiftMillis = 20_000; // the server's clock is 20 s ahead of ours
        join(rest.syncTime());
        OrderAnswer a = join(rest.newOrder(order("t1")));
        assertEquals("t1", a.clientOrderId());
        assertEquals(BinanceOrderStatus.NEW, a.status());
        BinanceStandIn.Request post = standIn.requests("POST /api/v3/order").get(0);
        assertEquals(BinanceStandIn.API_KEY, post.headers().get("x-mbx-apikey"));
        assertEquals("MARKET", post.params().get("type"));
        assertEquals("t1", post.params().get("newClientOrderId"));
        assertEquals("5000", post.params().get("recvWindow"));
        assertTrue(Math.abs(Long.parseLong(post.params().get("timestamp")) - standIn.now()) < 2_000, "timestamp on the server's clock");
        assertEquals(List.of("GET /api/v3/time", "POST /api/v3/order"), routes());
    }

    @Test
    void timestampOutsideRecvWindowResyncsTheClockAndSendsOnceMore() {
        BinanceRestClient rest = client();
        join(rest.syncTime());
        standIn.clockShiftMillis = 30_000; // the server's clock jumps
        assertEquals("t1", join(rest.newOrder(order("t1"))).clientOrderId());
        assertEquals(List.of("GET /api/v3/time", "POST /api/v3/order", "GET /api/v3/time", "POST /api/v3/order"), routes());
        assertTrue(Math.abs(rest.serverTimeOffsetMillis() - 30_000) < 1_000);
    }

    @Test
    void aSecondMinus1021IsNotRetriedAgain() {
        BinanceRestClient rest = client();
        standIn.script("POST /api/v3/order", Response.error(400, -1021, "Timestamp for this request is outside of the recvWindow."));
        standIn.script("POST /api/v3/order", Response.error(400, -1021, "Timestamp for this request is outside of the recvWindow."));
        BinanceApiError e = failure(BinanceApiError.class, rest.newOrder(order("t1")));
        assertEquals(-1021, e.code());
        assertFalse(e.outcomeUnknown());
        assertEquals(2, standIn.requests("POST /api/v3/order").size());
    }

    @Test
    void http429StopsEveryRequestUntilRetryAfterThenSendsAgain() {
        BinanceRestClient rest = client();
        standIn.script("POST /api/v3/order", Response.error(429, -1003, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE.")
                .withHeader("Retry-After", "1"));
        long before = System.nanoTime();
        CompletionStage<OrderAnswer> refused = rest.newOrder(order("t1"));
        TestSetup.waitUntil("the 429 arrived", () -> standIn.requests("POST /api/v3/order").size() == 1 && rest.bannedForMillis() > 0);
        CompletionStage<Void> ping = rest.ping(); // another endpoint: banned too
        assertEquals("t1", join(refused).clientOrderId());
        join(ping);
        List<BinanceStandIn.Request> posts = standIn.requests("POST /api/v3/order");
        assertEquals(2, posts.size());
        long firstAt = posts.get(0).atNanos();
        for (BinanceStandIn.Request r : standIn.requests.subList(1, standIn.requests.size())) {
            assertTrue(r.atNanos() - firstAt >= Duration.ofMillis(950).toNanos(), r.route() + " was sent during the ban");
        }
        assertTrue(System.nanoTime() - before < Duration.ofSeconds(3).toNanos());
    }

    @Test
    void http418IsLoggedAsAnErrorAndHonouredLikewise() {
        try (LogCapture logs = new LogCapture()) {
            BinanceRestClient rest = client();
            standIn.script("GET /api/v3/ping", Response.error(418, -1003, "Way too much request weight used; IP banned until 1700000000000.")
                    .withHeader("Retry-After", "1"));
            join(rest.ping());
            List<BinanceStandIn.Request> pings = standIn.requests("GET /api/v3/ping");
            assertEquals(2, pings.size());
            assertTrue(pings.get(1).atNanos() - pings.get(0).atNanos() >= Duration.ofMillis(950).toNanos());
            assertTrue(logs.has(Level.ERROR, "binance banned this IP (HTTP 418)"), logs.text());
        }
    }

    @Test
    void aBanLongerThanTheAllowedWaitRefusesTheRequestUnsent() {
        BinanceRestClient rest = client();
        standIn.script("GET /api/v3/ping", Response.error(429, -1003, "Too many requests.").withHeader("Retry-After", "600"));
        BinanceRequestNotSent e = failure(BinanceRequestNotSent.class, rest.ping());
        assertTrue(e.getMessage().contains("banned"), e.getMessage());
        assertFalse(e.outcomeUnknown());
        assertEquals(1, standIn.requests.size());
    }

    @Test
    void aUsedWeightHeaderNearTheLimitHoldsTheNextRequestUntilTheWindowRolls() throws Exception {
        standIn.rateLimits = "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"SECOND\",\"intervalNum\":1,\"limit\":50}]";
        BinanceRestClient rest = client();
        join(rest.exchangeInfo(List.of("BTCUSDT")));
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 50); // early in a second
        standIn.script("GET /api/v3/ping", Response.json(200, "{}").withHeader("X-MBX-USED-WEIGHT-1S", "48"));
        join(rest.ping());
        long pingSecond = System.currentTimeMillis() / 1000;
        join(rest.queryOrder("BTCUSDT", "t1").exceptionally(e -> null)); // weight 4 > 50 - 48
        long pingArrival = standIn.requests("GET /api/v3/ping").get(0).atNanos();
        long queryArrival = standIn.requests("GET /api/v3/order").get(0).atNanos();
        assertTrue(System.currentTimeMillis() / 1000 > pingSecond, "the query waited for the next second");
        assertTrue(queryArrival - pingArrival > Duration.ofMillis(500).toNanos(), "not sent at once");
    }

    @Test
    void http5xxTimeoutsAndMinus1007AreUnknownOutcomes() {
        BinanceRestClient rest = TestSetup.rest(TestSetup.settings(standIn).requestTimeout(Duration.ofMillis(300)).build(), timer);
        standIn.script("POST /api/v3/order", Response.json(503, "Service Unavailable"));
        assertTrue(failure(BinanceTransportFailure.class, rest.newOrder(order("t1"))).outcomeUnknown());
        standIn.script("POST /api/v3/order", Response.error(500, -1007,
                "Timeout waiting for response from backend server. Send status unknown; execution status unknown."));
        BinanceApiError timeout = failure(BinanceApiError.class, rest.newOrder(order("t2")));
        assertEquals(-1007, timeout.code());
        assertTrue(timeout.outcomeUnknown());
        standIn.script("POST /api/v3/order", Response.error(400, -1007, "Timeout waiting for response from backend server."));
        assertTrue(failure(BinanceApiError.class, rest.newOrder(order("t3"))).outcomeUnknown(), "-1007 whatever the HTTP status");
        standIn.script("POST /api/v3/order", Response.json(200, "{}").delayed(1_000));
        BinanceTransportFailure slow = failure(BinanceTransportFailure.class, rest.newOrder(order("t4")));
        assertEquals("POST /api/v3/order: no answer within 300 ms", slow.getMessage());
        assertTrue(slow.outcomeUnknown());
    }

    @Test
    void aRefusalIsATypedErrorWithCodeAndMessage() {
        BinanceRestClient rest = client();
        standIn.script("POST /api/v3/order", Response.error(400, -2010, "Account has insufficient balance for requested action."));
        BinanceApiError e = failure(BinanceApiError.class, rest.newOrder(order("t1")));
        assertEquals(400, e.httpStatus());
        assertEquals(-2010, e.code());
        assertEquals("binance -2010: Account has insufficient balance for requested action.", e.reason());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void hostileAnswersAreRefusedWithAReason() {
        BinanceRestClient rest = client();
        standIn.script("GET /api/v3/order", Response.json(200, "{\"symbol\":\"BTCUSDT\",\"orderId\":1,"));
        assertTrue(failure(BinanceResponseRejected.class, rest.queryOrder("BTCUSDT", "t1")).getMessage().contains("not JSON"));
        standIn.script("GET /api/v3/order", Response.json(200, new BinanceStandIn.StandInOrder("BTCUSDT", 1, "t1", "BUY", "LIMIT", "1", "ALMOST_FILLED").json()));
        assertTrue(failure(BinanceResponseRejected.class, rest.queryOrder("BTCUSDT", "t1")).getMessage()
                .contains("field 'status' has the unknown value 'ALMOST_FILLED'"));
        standIn.script("GET /api/v3/order", Response.json(200, new BinanceStandIn.StandInOrder("BTCUSDT", 1, "someoneElse", "BUY", "LIMIT", "1", "NEW").json()));
        assertTrue(failure(BinanceResponseRejected.class, rest.queryOrder("BTCUSDT", "t1")).getMessage()
                .contains("asked about order t1 but the answer is for someoneElse"));
        standIn.script("GET /api/v3/myTrades", Response.json(200, "[" + new BinanceStandIn.StandInTrade("BTCUSDT", 1, 2, "NaN", "1", "0", "USDT", true).json() + "]"));
        assertTrue(failure(BinanceResponseRejected.class, rest.myTrades("BTCUSDT", 0, 10)).getMessage()
                .contains("field 'price' must be a non-negative decimal but was 'NaN'"));
        standIn.script("GET /api/v3/myTrades", Response.json(200, "[" + new BinanceStandIn.StandInTrade("BTCUSDT", 1, 2, "1", "-1", "0", "USDT", true).json() + "]"));
        assertTrue(failure(BinanceResponseRejected.class, rest.myTrades("BTCUSDT", 0, 10)).getMessage()
                .contains("field 'qty' must be a non-negative decimal but was '-1'"));
        standIn.script("GET /api/v3/myTrades", Response.json(200, "[" + new BinanceStandIn.StandInTrade("BTCUSDT", 1, 2, "1", "0", "0", "USDT", true).json() + "]"));
        assertTrue(failure(BinanceResponseRejected.class, rest.myTrades("BTCUSDT", 0, 10)).getMessage()
                .contains("field 'qty' must be a positive quantity"));
        standIn.script("GET /api/v3/account", new Response(200, new byte[5 << 20], java.util.Map.of(), 0));
        assertTrue(failure(BinanceResponseRejected.class, rest.account()).getMessage().contains("answer larger than 1048576 bytes"));
        standIn.script("GET /api/v3/ping", Response.json(400, "<html>bad gateway</html>"));
        assertTrue(failure(BinanceResponseRejected.class, rest.ping()).getMessage().contains("HTTP 400 without a Binance error body"));
    }

    @Test
    void theCircuitBreakerOpensFailsFastAndClosesAfterASuccessfulTrial() throws Exception {
        BinanceRestClient rest = TestSetup.rest(TestSetup.settings(standIn).breaker(2, Duration.ofMillis(300)).build(), timer);
        standIn.script("GET /api/v3/ping", Response.json(502, "Bad Gateway"));
        standIn.script("GET /api/v3/ping", Response.json(502, "Bad Gateway"));
        failure(BinanceTransportFailure.class, rest.ping());
        failure(BinanceTransportFailure.class, rest.ping());
        assertEquals(CircuitBreaker.State.OPEN, rest.circuitBreaker().state());
        BinanceRequestNotSent fast = failure(BinanceRequestNotSent.class, rest.newOrder(order("t1")));
        assertTrue(fast.getMessage().contains("circuit breaker is open"), fast.getMessage());
        assertEquals(2, standIn.requests.size(), "nothing sent while open");
        Thread.sleep(350);
        join(rest.ping());
        assertEquals(CircuitBreaker.State.CLOSED, rest.circuitBreaker().state());
    }

    @Test
    void aRefusedConnectionIsAnUnknownOutcome() {
        BinanceSettings s = BinanceSettings.builder().restBaseUrl(java.net.URI.create("http://127.0.0.1:9")).build();
        BinanceRestClient rest = TestSetup.rest(s, timer);
        BinanceTransportFailure e = failure(BinanceTransportFailure.class, rest.newOrder(order("t1")));
        assertTrue(e.outcomeUnknown());
    }
}
