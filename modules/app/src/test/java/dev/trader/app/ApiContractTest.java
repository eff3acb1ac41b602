package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.api.OpenApiDocument;
import dev.trader.api.security.ApiKeys;
import dev.trader.app.testing.AlertsApi;
import dev.trader.app.testing.ApiContract;
import dev.trader.app.testing.ApiContract.Caller;
import dev.trader.app.testing.ApiContract.Request;
import dev.trader.app.testing.FixtureCandles;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.execution.binance.BinanceCredentials;
import dev.trader.execution.binance.BinanceOrderType;
import dev.trader.execution.binance.BinanceRestClient;
import dev.trader.execution.binance.BinanceSettings;
import dev.trader.execution.binance.NewOrder;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of {@code src-shared/api/openapi.json} called on real nodes over real HTTP, with
 * its successes and its refusals, and every answer held to the schema the document gives for its
 * status ({@link ApiContract}). Two nodes: a paper node on the production strategies with TWAP
 * entries, fed the engine fixtures (orders, fills, parent orders, positions, alerts, a news
 * blackout), and a node trading through the exchange simulator, for the reconciliation routes.
 * The last test checks that the document and the routes name the same operations, and replays each
 * without a key and with too little authority.
 *
 * <p>A new endpoint: its schema file, its entry in openapi.json, and one call here (a line such as
 * {@code viewer(paper).get("/api/signals").answers(200);}); the last test fails until all three exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractTest {
    private static final ApiContract API = new ApiContract();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BTC = "binance:BTCUSDT";
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    /** Who may not do what: a role below each, for the replays of the last test. */
    private static final Map<String, String> ROLE_BELOW = Map.of("trader", "viewer", "admin", "trader");
    private static final Map<String, String> DESK_ENV = Map.of(SimulatorSettings.KEY_VARIABLE, "contract-key",
            SimulatorSettings.SECRET_VARIABLE, "contract-secret");

    @TempDir
    static Path workDir;
    private static TraderNode paper;
    private static ExchangeSimServer exchange;
    private static TraderNode atExchange;
    /** The approved entries of the replay (TWAP parents), by strategy. */
    private static final Map<String, List<String>> entries = new TreeMap<>();
    private static final Set<String> passed = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (String role : List.of("viewer", "trader", "admin")) {
            keys.add(key(role, role, List.of("*"), List.of("*")));
        }
        keys.add(key("other-account", "admin", List.of("someone-else"), List.of("*")));
        keys.add(key("ema-only", "admin", List.of("*"), List.of("ema-cross")));
        keys.add(key("flood", "viewer", List.of("*"), List.of("*")));
        Path calendar = workDir.resolve("calendar.csv");
        // A release five minutes after the fixtures' last bar closes (10:15): the account's time is inside its blackout.
        Files.writeString(calendar, "datetime_utc,currency,impact,event\n2023-03-17T10:20:00+00:00,USD,High Impact Expected,CPI m/m\n");

        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("contract", workDir));
        overrides.put("trader.execution.algo.type", "twap");
        overrides.put("trader.execution.algo.slices", 3);
        overrides.put("trader.execution.algo.horizon-bars", 6);
        overrides.put("trader.execution.algo.slice-above-notional", "0");
        overrides.putAll(AlertsApi.FAST);
        overrides.put("trader.alerts.slippage.p90-bps", "0");
        overrides.put("trader.alerts.slippage.fills", 1);
        overrides.put("trader.risk.news.calendar-file", calendar.toString());
        paper = TraderNode.start(withKeys(TestNodes.config(overrides), keys, 100_000));

        Map<String, Object> exchangeOverrides = new HashMap<>(new H2Backend().freshJournal("contract_exchange", workDir));
        exchangeOverrides.put("trader.reconciliation.settle", "200ms");
        Config base = TestNodes.config(exchangeOverrides);
        SimConfig simConfig = SimulatorSettings.simConfig(base.getConfig("trader.exchange-sim"), DESK_ENV, TestNodes.FIXTURES);
        exchange = ExchangeSimServer.start(simConfig, SimWsConfig.binance(), "127.0.0.1", 0);
        // A small rate limit here: the flood of the refusals test must meet it.
        Config config = withKeys(ConfigFactory.parseMap(Map.of("trader.venue", "binance", "trader.binance.rest-base-url", exchange.restUrl(),
                "trader.binance.ws-base-url", exchange.wsUrl())).withFallback(base).resolve(), keys, 20);
        TraderSettings settings = TraderSettings.load(config);
        atExchange = TraderNode.start(config, settings, ExchangeVenue.create(config.getConfig("trader.binance"), settings.instruments().values(), DESK_ENV));
    }

    @AfterAll
    static void stop() throws Exception {
        if (atExchange != null) {
            atExchange.close();
        }
        if (exchange != null) {
            exchange.close();
        }
        if (paper != null) {
            paper.close();
        }
        System.out.println("[api-contract] documented answers never seen: " + neverSeen());
    }

    @Test
    @Order(1)
    void aFreshNodeAnswersEveryReadWithItsSchema() throws Exception {
        assertEquals("up", anonymous(paper).get("/health").answers(200).path("status").asText());
        anonymous(paper).get("/ready").answers(200);
        assertEquals(JSON.readTree(OpenApiDocument.load()), anonymous(paper).get("/api/openapi.json").answers(200), "served as assembled at boot");
        viewer(paper).get("/metrics").answers(200);
        viewer(paper).get("/api/status").answers(200);
        viewer(paper).get("/api/instruments").answers(200);
        assertTrue(viewer(paper).get("/api/instruments/" + BTC).answers(200).path("watermark").isNull(), "no bar yet");
        viewer(paper).get("/api/strategies").answers(200);
        assertEquals("1m", viewer(paper).get("/api/strategies/ema-cross").answers(200).path("timeframes").path(0).asText(), "as configured");
        JsonNode risk = viewer(paper).get("/api/risk").answers(200);
        assertTrue(risk.path("asOf").isNull() && risk.path("state").path("tradingDay").isNull(), "no event yet, so no trading day: " + risk);
        viewer(paper).get("/api/execution-quality").answers(200);
        viewer(paper).get("/api/audit/head").answers(200);
        viewer(paper).get("/api/alerts").answers(200);
        viewer(paper).get("/api/operator-actions").answers(200);
        assertFalse(viewer(paper).get("/api/reconciliations").answers(200).path("enabled").asBoolean(), "the paper venue keeps no books");
        trader(paper).post("/api/governor/self-report", "{\"state\": 3}").answers(409);
        passed.add("fresh");
    }

    @Test
    @Order(2)
    void aTradedNodeAnswersEveryReadWithItsSchema() throws Exception {
        trade();
        JsonNode status = viewer(paper).get("/api/status").answers(200);
        assertTrue(status.path("account").path("intentsApproved").asLong() > 0, status.toString());
        viewer(paper).get("/api/instruments").answers(200);
        assertEquals(60, viewer(paper).get("/api/instruments/" + BTC).answers(200).path("recentBars").size());
        viewer(paper).get("/api/strategies").answers(200);
        viewer(paper).get("/api/strategies/rsi-reversion").answers(200);
        JsonNode risk = viewer(paper).get("/api/risk").answers(200);
        assertEquals(BTC, risk.path("newsBlackouts").path(0).path("instrument").asText(), "the release holds BTCUSDT (a USD currency) now: " + risk);
        assertTrue(viewer(paper).get("/api/execution-quality").answers(200).path("orders").asLong() > 0);
        JsonNode parent = viewer(paper).get("/api/parent-orders/" + anyEntry()).answers(200);
        JsonNode child = viewer(paper).get("/api/orders/" + parent.path("children").path(0).path("id").asText()).answers(200);
        assertFalse(child.path("fills").isEmpty(), child.toString());
        awaitActiveAlert("slippage_above_p90");
        awaitAuditHead();
        viewer(paper).get("/metrics").answers(200);
        passed.add("traded");
    }

    @Test
    @Order(3)
    void everyWriteAnswersWithItsSchema() throws Exception {
        trade();
        assertTrue(admin(paper).post("/api/kill-switch", "{\"on\": true}").answers(200).path("killSwitch").path("global").asBoolean());
        admin(paper).post("/api/kill-switch", "{\"on\": false}").answers(200);
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"strategy\": \"ema-cross\"}").answers(200);
        as("ema-only", paper).post("/api/kill-switch", "{\"on\": false, \"strategy\": \"ema-cross\"}").answers(200);
        trader(paper).post("/api/strategies/ema-cross/stop", "").answers(200);
        trader(paper).post("/api/strategies/ema-cross/start", null).answers(200);
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": \"0.6\"}").answers(200);
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": 0}").answers(200);
        trader(paper).post("/api/governor/self-report", "{\"state\": 4}").answers(200);
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": \"nothing is halted\"}").answers(409);
        assertTrue(admin(paper).post("/api/flatten", "{\"reason\": \"desk closes everything\"}").answers(200).path("halted").asBoolean());
        admin(paper).post("/api/flatten", "{\"reason\": \"again\"}").answers(409);
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": \"flatten reviewed with the desk\"}").answers(200);
        assertTrue(admin(paper).post("/api/news/reload", "").answers(200).path("events").asInt() > 0);
        trader(paper).post("/api/reconciliations", null).answers(409);
        admin(paper).post("/api/reconciliations/acknowledge", "{\"instrument\": \"" + BTC + "\", \"reason\": \"x\"}").answers(409);
        assertTrue(viewer(paper).get("/api/operator-actions").answers(200).path("count").asLong() >= 14);
        passed.add("writes");
    }

    @Test
    @Order(4)
    void theReconciliationRoutesAtAnExchangeAnswerWithTheirSchemas() throws Exception {
        assertNotNull(viewer(atExchange).get("/api/status").answers(200).path("feed").path("source").textValue(), "a node at an exchange reports its feed");
        assertEquals("boot", viewer(atExchange).get("/api/reconciliations").answers(200).path("reports").path(0).path("trigger").asText());
        trader(atExchange).post("/api/reconciliations", "").answers(200);
        String acknowledge = "{\"instrument\": \"" + BTC + "\", \"reason\": \"bought by the desk\"}";
        admin(atExchange).post("/api/reconciliations/acknowledge", acknowledge).answers(409);
        admin(atExchange).post("/api/reconciliations/acknowledge", "{\"instrument\": \"binance:NOPEUSDT\", \"reason\": \"x\"}").answers(400);
        admin(atExchange).post("/api/reconciliations/acknowledge", "{\"instrument\": \"" + BTC + "\"}").refusesBody();
        admin(atExchange).post("/api/reconciliations/acknowledge", "{\"instrument\": \"BTCUSDT\", \"reason\": \"x\"}").refusesBody();
        admin(atExchange).post("/api/reconciliations/acknowledge", "{\"instrument\": \"" + BTC + "\", \"reason\": \"" + "x".repeat(5000) + "\"}").answers(413);

        // Someone trades by hand on the account: the fill is no order of ours and the BTC balance moves.
        BinanceSettings desk = BinanceSettings.builder().restBaseUrl(URI.create(exchange.restUrl())).wsBaseUrl(URI.create(exchange.wsUrl())).build();
        ScheduledExecutorService deskTimers = Executors.newSingleThreadScheduledExecutor();
        try {
            new BinanceRestClient(desk, BinanceCredentials.fromEnvironment(DESK_ENV, SimulatorSettings.KEY_VARIABLE, SimulatorSettings.SECRET_VARIABLE),
                    BinanceRestClient.httpClient(desk), deskTimers)
                    .newOrder(new NewOrder("BTCUSDT", OrderSide.BUY, BinanceOrderType.MARKET, Quantity.of("0.01"), null, null, "desk-manual-1"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            deskTimers.shutdownNow();
        }
        exchange.simulator().step();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!viewer(atExchange).get("/api/reconciliations").answers(200).path("holds").has(BTC)) {
            assertTrue(System.nanoTime() < deadline, "the desk's trade holds BTCUSDT within 30 s");
            Thread.sleep(200);
        }
        JsonNode ack = admin(atExchange).post("/api/reconciliations/acknowledge", acknowledge).answers(200);
        assertTrue(ack.path("acknowledged").path("findings").asInt() > 0, ack.toString());
        viewer(atExchange).get("/api/reconciliations").answers(200);
        viewer(atExchange).get("/api/status").answers(200);
        anonymous(atExchange).get("/ready").answers(200);
        passed.add("exchange");
    }

    @Test
    @Order(5)
    void everyRefusalAnswersWithTheErrorSchema() throws Exception {
        trade();
        // 400: malformed ids and bodies (the request schemas refuse the same bodies).
        viewer(paper).get("/api/instruments/BTCUSDT").answers(400);
        viewer(paper).get("/api/orders/not!an!id").answers(400);
        viewer(paper).get("/api/parent-orders/not!an!id").answers(400);
        admin(paper).post("/api/kill-switch", "{\"on\": tru").refusesBody();
        admin(paper).post("/api/kill-switch", "{\"on\": \"yes\"}").refusesBody();
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"maxNotional\": 1000000}").refusesBody();
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"x\": " + "[".repeat(40) + "]".repeat(40) + "}").refusesBody();
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"strategy\": \"nope\"}").answers(400);
        trader(paper).post("/api/governor/self-report", "{\"state\": 6}").refusesBody();
        trader(paper).post("/api/governor/self-report", "{\"state\": \"3\"}").refusesBody();
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": \"\"}").refusesBody();
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": \"two\\nlines\"}").refusesBody();
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": \"" + "x".repeat(201) + "\"}").refusesBody();
        admin(paper).post("/api/flatten", "{}").refusesBody();
        admin(paper).post("/api/flatten", "").answers(400);
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": 1.5}").refusesBody();
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": \"high\"}").refusesBody();
        // 413: bodies beyond a route's cap.
        String big = "\"" + "x".repeat(10_000) + "\"";
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"strategy\": " + big + "}").answers(413);
        trader(paper).post("/api/governor/self-report", "{\"state\": " + big + "}").answers(413);
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": " + big + "}").answers(413);
        admin(paper).post("/api/flatten", "{\"reason\": " + big + "}").answers(413);
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": " + big + "}").answers(413);
        // 404: nothing there.
        viewer(paper).get("/api/instruments/binance:NOPEUSDT").answers(404);
        viewer(paper).get("/api/orders/tnosuchorder").answers(404);
        viewer(paper).get("/api/parent-orders/tnosuchparent").answers(404);
        viewer(paper).get("/api/strategies/nope").answers(404);
        trader(paper).post("/api/strategies/nope/start", "").answers(404);
        trader(paper).post("/api/strategies/nope/stop", "").answers(404);
        trader(paper).put("/api/strategies/nope/threshold", "{\"minConfidence\": \"0.5\"}").answers(404);
        viewer(paper).get("/api/no-such-route").answers(404);
        viewer(paper).get("/no-such-route").answers(404);
        // 405: a method the route does not take.
        viewer(paper).send("DELETE", "/api/status", null).answers(405);
        viewer(paper).get("/api/kill-switch").answers(405);
        viewer(paper).get("/api/strategies/ema-cross/threshold").answers(405);
        viewer(paper).post("/api/openapi.json", "").answers(405);
        viewer(paper).post("/health", "").answers(405);
        // 401 and 403: no key, a wrong one, another account's, a key limited to one strategy.
        anonymous(paper).get("/api/status").answers(401);
        API.caller(paper.httpPort(), "trk_admin_" + "A".repeat(43)).get("/api/status").answers(401);
        as("other-account", paper).get("/api/status").answers(403);
        as("ema-only", paper).get("/api/strategies/rsi-reversion").answers(403);
        as("ema-only", paper).post("/api/kill-switch", "{\"on\": true}").answers(403);
        as("ema-only", paper).post("/api/flatten", "{\"reason\": \"x\"}").answers(403);
        assertTrue(entries.containsKey("rsi-reversion"), "the fixtures make rsi-reversion trade too: " + entries.keySet());
        JsonNode rsiParent = viewer(paper).get("/api/parent-orders/" + entries.get("rsi-reversion").get(0)).answers(200);
        as("ema-only", paper).get("/api/orders/" + rsiParent.path("children").path(0).path("id").asText()).answers(403);
        // 429: more at once than a key's burst (20 on the exchange node); a key of its own, so that the others keep theirs.
        as("flood", atExchange).get("/api/alerts").floodUntilLimited(60);
        passed.add("refusals");
    }

    /**
     * The document names exactly the operations the routes serve (a request the document does not
     * know fails in {@link ApiContract}, an operation never called fails here), and each one refuses
     * a caller without a key and one with the role below the one it documents.
     */
    @Test
    @Order(6)
    void theDocumentNamesEveryRouteAndEachRefusesTooLittleAuthority() throws Exception {
        Assumptions.assumeTrue(passed.size() == 5, "runs after the other tests of the class, which call the operations: " + passed);
        assertEquals(API.description().operationNames(), API.seen().keySet(), "documented (left) against called (right)");
        Map<String, String> roles = new TreeMap<>();
        API.description().operations().forEach(o -> roles.put(o.name(), o.role()));
        for (Map.Entry<String, Request> e : API.firstSuccess().entrySet()) {
            String role = roles.get(e.getKey());
            Request r = e.getValue();
            if (role.equals("public")) {
                continue;
            }
            API.caller(r.port(), null).replay(r).answers(401);
            if (e.getKey().contains(" /api/")) {
                API.caller(r.port(), KEYS.get("other-account")).replay(r).answers(403);
            }
            if (ROLE_BELOW.containsKey(role)) {
                JsonNode refused = API.caller(r.port(), KEYS.get(ROLE_BELOW.get(role))).replay(r).answers(403);
                assertTrue(refused.path("message").asText().contains("needs the " + role + " role"), e.getKey() + ": " + refused);
            }
        }
    }

    /** Feeds the fixtures once, bar by bar, keeping the approved entries (each a TWAP parent order). */
    private static synchronized void trade() throws Exception {
        if (!entries.isEmpty()) {
            return;
        }
        List<Bar> bars = new ArrayList<>();
        bars.addAll(bars(TestNodes.FIXTURES.get(0), InstrumentId.parse(BTC)));
        bars.addAll(bars(TestNodes.FIXTURES.get(1), InstrumentId.parse("binance:ETHUSDT")));
        bars.sort(Comparator.comparing(Bar::openTime));
        for (Bar bar : bars) {
            for (IntentDecision d : paper.pipeline().process(bar).toCompletableFuture().get(60, TimeUnit.SECONDS).decisions()) {
                if (d.approved() && !d.request().reduceOnly()) {
                    entries.computeIfAbsent(d.request().strategy().value(), k -> new ArrayList<>()).add(d.clientOrderId());
                }
            }
        }
        assertFalse(entries.isEmpty(), "the fixtures make the production strategies trade");
    }

    private static List<Bar> bars(Path file, InstrumentId instrument) throws Exception {
        return FixtureCandles.read(file).stream().map(c -> new Bar(instrument, Timeframe.M1, c.openTime(), Price.of(c.open()), Price.of(c.high()),
                Price.of(c.low()), Price.of(c.close()), Quantity.of(c.volume()))).toList();
    }

    private static String anyEntry() {
        return entries.values().iterator().next().get(0);
    }

    /** Alerts are evaluated every 100 ms here (AlertsApi.FAST): wait for one to fire. */
    private static void awaitActiveAlert(String alert) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!viewer(paper).get("/api/alerts").answers(200).path("active").findValuesAsText("alert").contains(alert)) {
            assertTrue(System.nanoTime() < deadline, alert + " fires within 20 s");
            Thread.sleep(200);
        }
    }

    /** The trail is written about a second after the journal: wait for its first record. */
    private static void awaitAuditHead() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (viewer(paper).get("/api/audit/head").answers(200).path("seq").asLong() == 0) {
            assertTrue(System.nanoTime() < deadline, "the audit trail records the replay within 20 s");
            Thread.sleep(200);
        }
    }

    private static Map<String, Object> key(String id, String role, List<String> accounts, List<String> strategies) {
        ApiKeys.NewKey k = ApiKeys.generate(id);
        KEYS.put(id, k.key());
        return Map.of("id", id, "role", role, "sha256", k.sha256(), "accounts", accounts, "strategies", strategies);
    }

    private static Config withKeys(Config config, List<Map<String, Object>> keys, int burst) {
        return config.withValue("trader.api.bootstrap-key", ConfigValueFactory.fromAnyRef(""))
                .withValue("trader.api.keys", ConfigValueFactory.fromIterable(keys))
                .withValue("trader.api.rate-limit.burst", ConfigValueFactory.fromAnyRef(burst))
                .withValue("trader.api.rate-limit.requests-per-second", ConfigValueFactory.fromAnyRef(burst));
    }

    private static String neverSeen() {
        List<String> out = new ArrayList<>();
        API.description().operations().forEach(o -> o.spec().path("responses").fieldNames().forEachRemaining(status -> {
            if (!API.seen().getOrDefault(o.name(), Set.of()).contains(Integer.parseInt(status))) {
                out.add(o.name() + " " + status);
            }
        }));
        return out.toString();
    }

    private static Caller as(String keyId, TraderNode node) {
        return API.caller(node.httpPort(), keyId == null ? null : KEYS.get(keyId));
    }

    private static Caller anonymous(TraderNode node) {
        return as(null, node);
    }

    private static Caller viewer(TraderNode node) {
        return as("viewer", node);
    }

    private static Caller trader(TraderNode node) {
        return as("trader", node);
    }

    private static Caller admin(TraderNode node) {
        return as("admin", node);
    }
}
