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
import dev.trader.app.testing.FeedClient;
import dev.trader.app.testing.FeedClient.Received;
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
import dev.trader.engine.readmodel.query.TradesCsv;
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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.stream.Collectors;
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
 * The live feed's upgrade is called as java.net.http's HttpClient can (a plain GET), and its frames,
 * sent and received over a real WebSocket, are held to the schemas its operation names in x-messages.
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
        assertEquals("viewer", viewer(paper).get("/api/whoami").answers(200).path("role").asText());
        String dashboardPage = anonymous(paper).get("/").response(200).body();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("/assets/[A-Za-z0-9._-]+\\.js").matcher(dashboardPage);
        assertTrue(script.find(), "the page links its bundle: " + dashboardPage);
        anonymous(paper).get(script.group()).response(200);
        anonymous(paper).get("/assets/no-such-file.js").answers(404);
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
        // The history of a node that has done nothing: empty pages, analytics with nothing defined, a CSV with its header only.
        for (String page : List.of("/api/orders", "/api/trades", "/api/signals")) {
            JsonNode empty = viewer(paper).get(page).answers(200);
            assertTrue(empty.path("total").asLong() == 0 && empty.path("nextCursor").isNull(), page + ": " + empty);
        }
        JsonNode noMetrics = viewer(paper).get("/api/metrics").answers(200);
        assertTrue(noMetrics.path("profit_factor").isNull() && noMetrics.path("time_in_market").isNull(), noMetrics.toString());
        assertEquals(String.join(",", TradesCsv.HEADER), viewer(paper).get("/api/trades.csv").response(200).body().strip());
        assertTrue(viewer(paper).get("/api/positions").answers(200).isEmpty(), "nothing traded, nothing open");
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
        assertEquals(viewer(paper).get("/api/status").answers(200).path("openPositions"), viewer(paper).get("/api/positions").answers(200),
                "/api/positions is the status's openPositions");

        // The history, once the read model has taken in the replay: pages that follow their cursor, filters, the CSV, the analytics.
        long trades = awaitReadModel();
        JsonNode first = viewer(paper).get("/api/orders?limit=5").answers(200);
        assertEquals(5, first.path("items").size(), first.toString());
        JsonNode second = viewer(paper).get("/api/orders?limit=5&cursor=" + first.path("nextCursor").asText()).answers(200);
        assertFalse(second.path("items").isEmpty(), "the fixtures make more than 5 orders: " + first.path("total"));
        viewer(paper).get("/api/orders?status=filled,PARTIALLY_FILLED&symbol=BTCUSDT&strategy=ema-cross&from=2023-03-01&to=2023-04-01T00:00:00Z&limit=500")
                .answers(200).path("items").forEach(o -> assertTrue(Set.of("FILLED", "PARTIALLY_FILLED").contains(o.path("status").asText()), o.toString()));
        assertEquals(trades, viewer(paper).get("/api/trades?limit=500").answers(200).path("items").size());
        viewer(paper).get("/api/trades?status=WIN,LOSS&symbol=binance:ETHUSDT&limit=1").answers(200);
        HttpResponse<String> csv = viewer(paper).get("/api/trades.csv").response(200);
        assertEquals("attachment; filename=\"trades.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""), csv.headers().map().toString());
        assertEquals(trades + 1, csv.body().lines().count(), "a header and one record per trade");
        viewer(paper).get("/api/trades.csv?status=loss&from=2023-03-17T00:00:00%2B01:00").response(200);
        assertTrue(viewer(paper).get("/api/signals?limit=500").answers(200).path("total").asLong() > 0);
        viewer(paper).get("/api/signals?status=APPROVED,undecided&strategy=rsi-reversion&limit=3").answers(200);
        JsonNode metrics = viewer(paper).get("/api/metrics").answers(200);
        assertFalse(metrics.path("regime_strategy_symbol_matrix").isEmpty(), metrics.toString());
        viewer(paper).get("/api/metrics?status=WIN&symbol=ETHUSDT&strategy=ema-cross&from=2023-03-17&to=2023-03-18").answers(200);
        // A key limited to a strategy sees only that strategy's positions.
        JsonNode everyPosition = viewer(paper).get("/api/positions").answers(200);
        JsonNode itsPositions = as("ema-only", paper).get("/api/positions").answers(200);
        long emaCrossPositions = 0;
        for (JsonNode p : everyPosition) {
            emaCrossPositions += p.path("strategy").asText().equals("ema-cross") ? 1 : 0;
        }
        assertEquals(emaCrossPositions, itsPositions.size(), "every position of ema-cross and no other: " + itsPositions + " of " + everyPosition);
        for (JsonNode p : itsPositions) {
            assertEquals("ema-cross", p.path("strategy").asText(), itsPositions.toString());
        }
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
        JsonNode configured = viewer(paper).get("/api/strategies/ema-cross").answers(200).path("configuredParameters");
        JsonNode changed = trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {\"fast\": 9}}").answers(200);
        for (JsonNode market : changed.path("instruments")) {
            assertEquals(9, market.path("parameters").path("fast").asInt(), changed.toString());
            assertEquals(configured.path("slow"), market.path("parameters").path("slow"), "a parameter not named stays: " + changed);
            assertTrue(market.path("parametersChanged").asBoolean(), changed.toString());
            assertTrue(market.path("barsSeen").asLong() > 0, "warmed on the bars it observed: " + changed);
        }
        JsonNode reset = trader(paper).send("DELETE", "/api/strategies/ema-cross/parameters", null).answers(200);
        assertFalse(reset.path("instruments").path(0).path("parametersChanged").asBoolean(), reset.toString());
        assertEquals(configured, reset.path("instruments").path(0).path("parameters"), reset.toString());
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

    /**
     * {@code GET /ws} as the HTTP helper can call it (without the upgrade: 400; from a foreign page:
     * 403), then the WebSocket itself: the client's frames and every frame the server sends, from
     * the welcome through the replay of the whole journal to live, valid under the schemas the
     * operation names in x-messages; and frames the server refuses, refused by the schemas too.
     */
    @Test
    @Order(5)
    void theLiveFeedUpgradesAndEveryFrameFollowsItsSchema() throws Exception {
        trade();
        anonymous(paper).get("/ws").answers(400);
        admin(paper).get("/ws").answers(400);
        anonymous(paper).get("/ws").header("Origin", "http://elsewhere.example").answers(403);
        JsonNode frames = API.description().operation("GET", "/ws").orElseThrow().spec().path("x-messages");
        JsonNode auth = frames.path("client").path(0);
        JsonNode subscribe = frames.path("client").path(1);
        JsonNode message = frames.path("server").path(0);
        String authText = "{\"type\":\"auth\",\"key\":\"" + KEYS.get("admin") + "\"}";
        String subscribeText = "{\"type\":\"subscribe\",\"from\":0}";
        assertTrue(API.description().validate(auth, JSON.readTree(authText)).isEmpty(), authText);
        assertTrue(API.description().validate(subscribe, JSON.readTree(subscribeText)).isEmpty(), subscribeText);
        assertTrue(API.description().validate(subscribe, JSON.readTree("{\"type\":\"subscribe\"}")).isEmpty());

        List<Received> received;
        try (FeedClient feed = FeedClient.connect(paper.httpPort())) {
            API.seen().computeIfAbsent("GET /ws", k -> new TreeSet<>()).add(101);
            feed.send(authText);
            feed.send(subscribeText);
            feed.await(r -> r.type().equals("live"), Duration.ofSeconds(60));
            received = feed.messages();
        }
        for (Received r : received) {
            var problems = API.description().validate(message, r.json());
            assertTrue(problems.isEmpty(), "GET /ws sent a frame against feed-message.json: " + problems + "\n" + r.text());
        }
        Map<String, Long> byType = new TreeMap<>(received.stream().collect(Collectors.groupingBy(Received::type, Collectors.counting())));
        System.out.println("[api-contract] live feed frames validated, by type: " + byType);
        assertEquals("admin", received.get(0).data().path("key").asText(), "welcome first: " + received.get(0).text());
        assertTrue(byType.keySet().containsAll(Set.of("welcome", "bar", "signal", "order_submitted", "fill", "position", "risk", "alert", "live")),
                "the replay of a traded node shows every kind of message: " + byType);

        // What the server refuses, the schemas refuse too.
        refusedFrame(auth, "{\"type\":\"auth\",\"key\":\"" + KEYS.get("admin") + "\",\"from\":0}", 4401);
        refusedFrame(auth, "{\"type\":\"subscribe\"}", 4401);
        refusedFrame(subscribe, "{\"type\":\"subscribe\",\"from\":-1}", 1008, authText);
        refusedFrame(subscribe, "{\"type\":\"subscribe\",\"from\":\"12\"}", 1008, authText);
        passed.add("feed");
    }

    @Test
    @Order(6)
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
        // Parameters: checked by the strategy's type as configuration is, naming what is wrong; nothing changes.
        assertTrue(trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {\"fast\": 0}}").answers(400)
                .path("message").asText().startsWith("parameters.fast must be within"));
        assertTrue(trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {\"fastest\": 9}}").answers(400)
                .path("message").asText().contains("fastest"));
        trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {\"fast\": null}}").refusesBody();
        trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {}}").refusesBody();
        trader(paper).put("/api/strategies/ema-cross/parameters", "{\"fast\": 9}").refusesBody();
        assertFalse(viewer(paper).get("/api/strategies/ema-cross").answers(200).path("instruments").path(0).path("parametersChanged").asBoolean());
        // 400: the history's query parameters (an unknown one, a bad value, a cursor of another list, paging where there are no pages).
        viewer(paper).get("/api/orders?limit=0").answers(400);
        viewer(paper).get("/api/orders?limit=501").answers(400);
        viewer(paper).get("/api/orders?status=WIN").answers(400);
        viewer(paper).get("/api/trades?colour=red").answers(400);
        viewer(paper).get("/api/trades?from=2023-03-18&to=2023-03-17").answers(400);
        String tradesCursor = viewer(paper).get("/api/trades?limit=1").answers(200).path("nextCursor").asText();
        assertTrue(viewer(paper).get("/api/orders?cursor=" + tradesCursor).answers(400).path("message").asText().startsWith("cursor"));
        viewer(paper).get("/api/signals?symbol=").answers(400);
        viewer(paper).get("/api/trades.csv?limit=10").answers(400);
        viewer(paper).get("/api/metrics?from=yesterday").answers(400);
        // 413: bodies beyond a route's cap.
        String big = "\"" + "x".repeat(10_000) + "\"";
        admin(paper).post("/api/kill-switch", "{\"on\": true, \"strategy\": " + big + "}").answers(413);
        trader(paper).post("/api/governor/self-report", "{\"state\": " + big + "}").answers(413);
        admin(paper).post("/api/risk/clear-halt", "{\"reason\": " + big + "}").answers(413);
        admin(paper).post("/api/flatten", "{\"reason\": " + big + "}").answers(413);
        trader(paper).put("/api/strategies/ema-cross/threshold", "{\"minConfidence\": " + big + "}").answers(413);
        trader(paper).put("/api/strategies/ema-cross/parameters", "{\"parameters\": {\"fast\": " + big + "}}").answers(413);
        // 404: nothing there.
        viewer(paper).get("/api/instruments/binance:NOPEUSDT").answers(404);
        viewer(paper).get("/api/orders/tnosuchorder").answers(404);
        viewer(paper).get("/api/parent-orders/tnosuchparent").answers(404);
        viewer(paper).get("/api/strategies/nope").answers(404);
        trader(paper).post("/api/strategies/nope/start", "").answers(404);
        trader(paper).post("/api/strategies/nope/stop", "").answers(404);
        trader(paper).put("/api/strategies/nope/threshold", "{\"minConfidence\": \"0.5\"}").answers(404);
        trader(paper).put("/api/strategies/nope/parameters", "{\"parameters\": {\"fast\": 9}}").answers(404);
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
        // A key limited to some strategies reads the history of those it names, and nothing without strategy=.
        for (String history : List.of("/api/orders", "/api/trades", "/api/trades.csv", "/api/signals", "/api/metrics")) {
            as("ema-only", paper).get(history).answers(403);
            as("ema-only", paper).get(history + "?strategy=rsi-reversion").answers(403);
        }
        as("ema-only", paper).get("/api/orders?strategy=ema-cross").answers(200).path("items")
                .forEach(o -> assertEquals("ema-cross", o.path("strategy").asText(), o.toString()));
        as("ema-only", paper).get("/api/metrics?strategy=ema-cross").answers(200);
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
    @Order(7)
    void theDocumentNamesEveryRouteAndEachRefusesTooLittleAuthority() throws Exception {
        Assumptions.assumeTrue(passed.size() == 6, "runs after the other tests of the class, which call the operations: " + passed);
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

    /**
     * The read model takes in the journal about once a second: waits until the trades, orders and
     * signals it holds stop changing (two readings a second apart agree) and answers the trades.
     */
    private static long awaitReadModel() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Long> previous = List.of();
        while (true) {
            List<Long> totals = new ArrayList<>();
            for (String page : List.of("/api/trades?limit=1", "/api/orders?limit=1", "/api/signals?limit=1")) {
                totals.add(viewer(paper).get(page).answers(200).path("total").asLong());
            }
            if (totals.get(0) > 0 && totals.equals(previous)) {
                return totals.get(0);
            }
            assertTrue(System.nanoTime() < deadline, "the read model settles with closed trades within 60 s: " + totals);
            previous = totals;
            Thread.sleep(1000);
        }
    }

    /** The socket is closed with {@code code} at {@code frame} (after {@code before}), and {@code schema} refuses the frame too. */
    private static void refusedFrame(JsonNode schema, String frame, int code, String... before) throws Exception {
        try (FeedClient c = FeedClient.connect(paper.httpPort())) {
            for (String b : before) {
                c.send(b);
            }
            c.send(frame);
            assertEquals(code, c.awaitClosed(Duration.ofSeconds(10)).code(), frame);
        }
        assertFalse(API.description().validate(schema, JSON.readTree(frame)).isEmpty(), "the server refuses " + frame + " but the schema accepts it");
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
