package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.app.testing.AlertsApi;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.execution.binance.BinanceOrderType;
import dev.trader.execution.binance.BinanceRestClient;
import dev.trader.execution.binance.NewOrder;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciliation with a venue that keeps its own books, against the exchange simulator over
 * real HTTP and WebSocket: what someone else does on the same account (an order placed by hand, a
 * trade) is found, reported through the API and holds entries on the instrument until it is
 * explained, by a fix at the exchange or an operator's acknowledgement; a reconnect and a restart
 * reconcile again, and the baselines survive the restart.
 */
class ReconciliationAgainstSimulatorTest {
    private static final String BTC = "binance:BTCUSDT";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void whatTheJournalCannotExplainHoldsEntriesUntilItIsExplained() throws Exception {
        Map<String, String> env = Map.of(SimulatorSettings.KEY_VARIABLE, "recon-key", SimulatorSettings.SECRET_VARIABLE, "recon-secret");
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("recon", workDir));
        overrides.put("pekko.remote.artery.canonical.port", 0);
        overrides.put("trader.http.port", 0);
        overrides.put("trader.reconciliation.settle", "200ms");
        overrides.putAll(AlertsApi.FAST);
        overrides.put("trader.api.bootstrap-key", TestNodes.ADMIN_KEY);
        Config base = ConfigLoader.load(null, overrides);
        SimConfig simConfig = SimulatorSettings.simConfig(base.getConfig("trader.exchange-sim"), env, TestNodes.FIXTURES);
        try (ExchangeSimServer server = ExchangeSimServer.start(simConfig, SimWsConfig.binance(), "127.0.0.1", 0)) {
            Config config = ConfigFactory.parseMap(Map.of("trader.venue", "binance", "trader.binance.rest-base-url", server.restUrl(),
                    "trader.binance.ws-base-url", server.wsUrl())).withFallback(base).resolve();
            TraderSettings settings = TraderSettings.load(config);

            try (TraderNode node = TraderNode.start(config, settings, ExchangeVenue.create(config.getConfig("trader.binance"),
                    settings.instruments().values(), env))) {
                int port = node.httpPort();
                JsonNode boot = get(port).get("reports").get(0);
                assertEquals("boot", boot.get("trigger").asText());
                assertEquals(0, boot.get("findings").size(), "a fresh account agrees with the venue: " + boot);
                assertEquals("10", get(port).get("baselines").get("BTC").asText(), "the 10 BTC the account held before trading are not ours");

                // Someone places an order by hand on the same account.
                BinanceRestClient desk = new BinanceRestClient(deskSettings(server), credentials(env), BinanceRestClient.httpClient(deskSettings(server)),
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
                desk.newOrder(new NewOrder("BTCUSDT", OrderSide.BUY, BinanceOrderType.LIMIT, Quantity.of("0.01"), Price.of("10000"), null,
                        "desk-manual-1")).toCompletableFuture().get(10, TimeUnit.SECONDS);
                JsonNode foreign = post(port, "/api/reconciliations", null);
                assertEquals("operator", foreign.get("trigger").asText());
                assertEquals("FOREIGN_OPEN_ORDER", foreign.get("findings").get(0).get("kind").asText(), foreign.toString());
                assertTrue(get(port).get("holds").has(BTC), "entries on BTCUSDT are held");
                assertTrue(!get(port).get("holds").has("binance:ETHUSDT"), "ETHUSDT trades on");
                assertTrue(status(port).get("account").get("reconciliationHolds").has(BTC), "the status shows the hold too");
                JsonNode alert = AlertsApi.await(port, "active", "reconciliation_mismatch", BTC, Duration.ofSeconds(10));
                assertTrue(alert.path("message").asText().contains("FOREIGN_OPEN_ORDER"), "the alert says what is unexplained: " + alert);
                assertEquals("critical", alert.path("severity").asText());

                // Cancelled at the exchange: the next reading explains everything and the hold is lifted.
                desk.cancelOrder("BTCUSDT", "desk-manual-1").toCompletableFuture().get(10, TimeUnit.SECONDS);
                JsonNode fixed = post(port, "/api/reconciliations", null);
                assertEquals(0, fixed.get("findings").size(), fixed.toString());
                assertEquals(0, get(port).get("holds").size());
                AlertsApi.await(port, "resolved", "reconciliation_mismatch", BTC, Duration.ofSeconds(10));

                // A trade by hand: the fill reaches us for an order we do not know, and the BTC balance moves.
                desk.newOrder(new NewOrder("BTCUSDT", OrderSide.BUY, BinanceOrderType.MARKET, Quantity.of("0.01"), null, null, "desk-manual-2"))
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                server.simulator().step();
                JsonNode traded = await(port, v -> v.get("holds").has(BTC) && v.get("reports").get(0).get("findings").size() >= 2);
                JsonNode report = traded.get("reports").get(0);
                assertTrue(report.toString().contains("UNKNOWN_ORDER_FILL") && report.toString().contains("BALANCE_MISMATCH"), report.toString());

                JsonNode refused = postRaw(port, "/api/reconciliations/acknowledge", "{\"instrument\": \"binance:BTCUSDT\"}");
                assertTrue(refused.toString().contains("reason"), "an acknowledgement needs a reason: " + refused);
                JsonNode ack = post(port, "/api/reconciliations/acknowledge", "{\"instrument\": \"binance:BTCUSDT\", \"reason\": \"bought by the desk\"}");
                assertEquals(0, ack.get("report").get("findings").size(), ack.toString());
                assertEquals("10.01", get(port).get("baselines").get("BTC").asText(), "the desk's 0.01 BTC is part of the baseline now");
                assertEquals(0, get(port).get("holds").size());

                // A reconnect of the user stream reconciles again.
                long before = get(port).get("count").asLong();
                server.streams().disconnectAll("reconciliation test");
                JsonNode after = await(port, v -> v.get("count").asLong() > before && v.get("reports").get(0).get("trigger").asText().equals("reconnect"));
                assertEquals(0, after.get("reports").get(0).get("findings").size(), after.toString());

                // The desk trades again and the node is stopped before anyone looks: the finding must outlive the restart.
                desk.newOrder(new NewOrder("BTCUSDT", OrderSide.BUY, BinanceOrderType.MARKET, Quantity.of("0.02"), null, null, "desk-manual-3"))
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                server.simulator().step();
                await(port, v -> v.get("holds").has(BTC) && v.get("reports").get(0).toString().contains("desk-manual-3"));
            }

            try (TraderNode restarted = TraderNode.start(config, settings, ExchangeVenue.create(config.getConfig("trader.binance"),
                    settings.instruments().values(), env))) {
                JsonNode view = get(restarted.httpPort());
                JsonNode boot = view.get("reports").get(0);
                assertEquals("boot", boot.get("trigger").asText());
                assertEquals("10.01", view.get("baselines").get("BTC").asText(), "the acknowledged baseline survived the restart");
                java.util.Set<String> kinds = new java.util.TreeSet<>();
                for (JsonNode f : boot.get("findings")) {
                    kinds.add(f.get("kind").asText());
                    assertTrue(!f.toString().contains("desk-manual-2"), "an acknowledged trade is not reported again: " + f);
                    if (f.get("kind").asText().equals("BALANCE_MISMATCH")) {
                        assertEquals("0.02", f.get("facts").get("difference").asText());
                    }
                }
                assertEquals(java.util.Set.of("BALANCE_MISMATCH", "UNKNOWN_ORDER_FILL"), kinds,
                        "the desk's unacknowledged trade is still reported after the restart: " + boot);
                assertTrue(boot.toString().contains("desk-manual-3"), boot.toString());
                assertTrue(view.get("holds").has(BTC));
            }
        }
    }

    private static dev.trader.execution.binance.BinanceSettings deskSettings(ExchangeSimServer server) {
        return dev.trader.execution.binance.BinanceSettings.builder().restBaseUrl(URI.create(server.restUrl())).wsBaseUrl(URI.create(server.wsUrl()))
                .build();
    }

    private static dev.trader.execution.binance.BinanceCredentials credentials(Map<String, String> env) {
        return dev.trader.execution.binance.BinanceCredentials.fromEnvironment(env, SimulatorSettings.KEY_VARIABLE, SimulatorSettings.SECRET_VARIABLE);
    }

    private JsonNode await(int port, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode view = get(port);
        while (!done.test(view)) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s: " + view);
            Thread.sleep(100);
            view = get(port);
        }
        return view;
    }

    private JsonNode get(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reconciliations")).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private JsonNode status(int port) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status")).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = send(port, path, body);
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private JsonNode postRaw(int port, String path, String body) throws Exception {
        HttpResponse<String> r = send(port, path, body);
        assertEquals(400, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(int port, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestNodes.AUTH).header("Content-Type", "application/json");
        b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
