package dev.trader.execution.binance;

import static dev.trader.execution.binance.TestSetup.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.execution.binance.BinanceStandIn.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A whole client run through every path that logs or fails: neither the API key nor the secret may appear anywhere. */
class BinanceSecretsNotLoggedTest {
    private final StringBuilder seen = new StringBuilder();

    private void record(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        seen.append(w).append('\n');
    }

    private <T> void settle(CompletionStage<T> stage) {
        try {
            Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            seen.append(v).append('\n');
        } catch (Exception e) {
            record(e);
        }
    }

    @Test
    void neitherKeyNorSecretAppearsInAnyLogLineOutputOrException() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        BinanceStandIn rest = new BinanceStandIn();
        StandInUserStream ws = new StandInUserStream();
        try (LogCapture logs = new LogCapture()) {
            try {
                BinanceCredentials.fromEnvironment(Map.of("K", BinanceStandIn.API_KEY), "K", "S");
            } catch (IllegalStateException e) {
                record(e);
            }
            try {
                BinanceCredentials.fromEnvironment(Map.of("K", BinanceStandIn.API_KEY + " x", "S", BinanceStandIn.SECRET), "K", "S");
            } catch (IllegalStateException e) {
                record(e);
            }
            BinanceSettings settings = TestSetup.settings(rest).wsBaseUrl(ws.url()).requestTimeout(Duration.ofMillis(300))
                    .keepAliveInterval(Duration.ofMillis(100)).breaker(2, Duration.ofSeconds(5)).build();
            BinanceCredentials credentials = TestSetup.credentials();
            seen.append(credentials).append(credentials.signer()).append(settings).append('\n');
            try (BinanceVenue venue = BinanceVenue.create(settings, credentials, List.of(TestSetup.btcRules()))) {
                BinanceExecutionClient client = venue.executionClient();
                client.setFillListener(f -> {
                    seen.append(f).append('\n');
                    return CompletableFuture.completedFuture(null);
                });
                rest.script("GET /api/v3/exchangeInfo", Response.error(429, -1003, "Too many requests.").withHeader("Retry-After", "0"));
                settle(venue.start());

                settle(client.submit(BinanceExecutionClientTest.request("tOk", OrderSide.BUY, OrderType.LIMIT, "0.01", "25000", false)));
                rest.script("POST /api/v3/order", Response.error(400, -2010, "Account has insufficient balance for requested action."));
                settle(client.submit(BinanceExecutionClientTest.request("tNoMoney", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                rest.script("POST /api/v3/order", Response.json(503, "Service Unavailable"));
                settle(client.submit(BinanceExecutionClientTest.request("t503", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                rest.script("POST /api/v3/order", Response.json(200, "{\"nope\""));
                settle(client.submit(BinanceExecutionClientTest.request("tBad", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                rest.script("POST /api/v3/order", Response.json(200, "{}").delayed(600));
                settle(client.submit(BinanceExecutionClientTest.request("tSlow", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                rest.clockShiftMillis = 40_000;
                settle(client.submit(BinanceExecutionClientTest.request("tClock", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                rest.script("POST /api/v3/order", Response.error(401, -2015, "Invalid API-key, IP, or permissions for action."));
                settle(client.submit(BinanceExecutionClientTest.request("tPerm", OrderSide.BUY, OrderType.MARKET, "0.01", null, false)));
                settle(client.submit(BinanceExecutionClientTest.request("tSmall", OrderSide.BUY, OrderType.MARKET, "0.000001", null, false)));
                // Since reduce-only orders go out whole while nothing is held (the protective stop of an entry in
                // flight), "nothing to reduce" needs a holding that the order would not reduce: long, a reduce-only BUY.
                client.restoreHolding(TestSetup.BTC, Quantity.of("0.01"));
                settle(client.submit(BinanceExecutionClientTest.request("tReduce", OrderSide.BUY, OrderType.MARKET, "0.01", null, true)));
                settle(client.query(new ClientOrderId("tNowhere")));
                rest.script("GET /api/v3/order", Response.json(200, "{\"symbol\":\"BTCUSDT\"}"));
                settle(client.query(new ClientOrderId("tOk")));
                settle(client.cancel(new ClientOrderId("tOk")));
                settle(client.cancel(new ClientOrderId("tOk")));

                long orderId = rest.order("tOk").orderId();
                ws.send(BinanceUserDataParserTest.trade("BTCUSDT", "tOk", 77, "BUY", "25000", "0.01", "0.0001", "BNB", "FILLED")
                        .replace("\"i\": 4293153", "\"i\": " + orderId));
                ws.send(BinanceUserDataParserTest.trade("BTCUSDT", "tOk", 78, "BUY", "25000", "0.01", "0.25", "USDT", "FILLED")
                        .replace("\"i\": 4293153", "\"i\": " + orderId));
                ws.send("{\"e\":\"executionReport\",\"E\":1}");
                waitUntil("a fill was delivered", () -> client.deliveredFills() == 1);
                ws.dropAll();
                waitUntil("reconnected", () -> venue.userDataStream().status().reconnects() == 1 && venue.userDataStream().status().connected());
                waitUntil("kept alive", () -> !rest.requests("PUT /api/v3/userDataStream").isEmpty());
                seen.append(venue.userDataStream().status()).append(venue.rest().rateLimitUse()).append(venue.balances().current()).append('\n');
                // Failing pings until the breaker opens and refuses one unsent. The stream's keep-alives (every 100 ms here)
                // succeed in between and may reset the count of failures in a row, so a fixed number of pings is not enough.
                for (int i = 0; i < 60 && !(logs.text() + seen).contains("not sent"); i++) {
                    rest.script("GET /api/v3/ping", Response.json(500, "oops"));
                    settle(venue.rest().ping());
                }
            }
            String everything = logs.text() + "\n" + console.toString(StandardCharsets.UTF_8) + "\n" + seen;
            assertFalse(everything.contains(BinanceStandIn.API_KEY), "the API key leaked");
            assertFalse(everything.contains(BinanceStandIn.SECRET), "the secret leaked");
            assertFalse(everything.contains(BinanceStandIn.API_KEY.substring(0, 16)), "part of the API key leaked");
            assertFalse(everything.contains(BinanceStandIn.SECRET.substring(0, 16)), "part of the secret leaked");
            // The run went through the paths it claims to: the key was sent, and the failures were logged.
            assertEquals(BinanceStandIn.API_KEY, rest.requests("POST /api/v3/order").get(0).headers().get("x-mbx-apikey"));
            for (String expected : List.of("HTTP 429", "-2010", "HTTP 503", "not JSON", "no answer within 300 ms", "-1021", "-2015", "LOT_SIZE",
                    "nothing to reduce", "-2011", "fill NOT delivered", "frame refused", "reconnecting", "circuit breaker OPEN", "not sent")) {
                assertTrue(everything.contains(expected), "the run did not cover " + expected);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            ws.close();
            rest.close();
        }
    }
}
