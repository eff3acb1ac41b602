package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.AlertsApi;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.pipeline.BarOutcome;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert the node evaluates, raised by the condition it is about on a running node (never by
 * calling the alert): an order under the kill switch, an entry whose stop would breach the daily
 * floor, a feed that goes quiet (posted to a webhook too), real fills that slip and real trades that lose, and a journal
 * database that stops. (A reconciliation mismatch raises its alert in
 * {@link ReconciliationAgainstSimulatorTest}.) Each is read back over real HTTP from
 * {@code GET /api/alerts} and, for the guards, from {@code GET /metrics}.
 */
class AlertsFromRealConditionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-07T08:00:00Z");
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    /** 20 falling closes, then LONG at bar 20 (EMA(1) crosses EMA(2)); FLAT at 22. */
    private static List<Bar> crossBars() {
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "110", "109"));
        return SyntheticBars.bars(T0, closes, null);
    }

    private Config config(String journal, Map<String, Object> extra) throws Exception {
        return config(new H2Backend().freshJournal(journal, workDir), extra);
    }

    private static Config config(Map<String, Object> journal, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>(journal);
        all.putAll(AlertsApi.FAST);
        Config c = TestNodes.config(all);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            c = c.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
        }
        return c;
    }

    @Test
    void anOrderAttemptedUnderTheKillSwitchRaisesAnAlert() throws Exception {
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(config("alert_kill", Map.of())))) {
            assertEquals(200, post(node, "/api/kill-switch", "{\"on\": true}").statusCode());
            double before = counter(settledScrape(node), "guard_rejections_total{reason=\"kill_switch\"}");
            List<BarOutcome> outcomes = SyntheticBars.feed(node, crossBars().subList(0, 21));
            assertEquals("kill_switch", only(outcomes.get(20)).rule());

            JsonNode alert = AlertsApi.await(node.httpPort(), "active", "kill_switch_order_attempt", "node", WITHIN);
            assertEquals("critical", alert.path("severity").asText());
            assertTrue(alert.path("message").asText().startsWith("1 order(s)"), alert.toString());
            String metrics = awaitMetric(node, "alerts_active{alert=\"kill_switch_order_attempt\"} 1.0");
            // Kamon's registry is the JVM's: other tests' nodes counted too, so the test reads the increase.
            assertEquals(1.0, counter(metrics, "guard_rejections_total{reason=\"kill_switch\"}") - before, metrics);
        }
    }

    @Test
    void anEntryWhoseStopWouldBreachTheDailyFloorRaisesAnAlert() throws Exception {
        // A daily allowance of 0.01% of the capital (1 USDT): any stop risks more.
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(config("alert_floor", Map.of("trader.risk.prop-firm.daily-loss", "0.0001"))))) {
            String atStart = settledScrape(node);
            List<BarOutcome> outcomes = SyntheticBars.feed(node, crossBars().subList(0, 21));
            IntentDecision refused = only(outcomes.get(20));
            assertTrue(refused.rule().startsWith("prop_daily_floor"), refused.rule() + ": " + refused.reason());

            JsonNode alert = AlertsApi.await(node.httpPort(), "active", "floor_breach_attempt", "node", WITHIN);
            assertTrue(alert.path("message").asText().contains("floor"), alert.toString());
            String series = "guard_rejections_total{reason=\"" + refused.rule() + "\"}";
            String metrics = awaitMetric(node, "alerts_active{alert=\"floor_breach_attempt\"} 1.0");
            assertEquals(1.0, counter(metrics, series) - counter(atStart, series), metrics);
        }
    }

    @Test
    void aFeedThatGoesQuietRaisesStaleDataPostsItToTheWebhookAndTheNodeIsNoLongerReady() throws Exception {
        BlockingQueue<JsonNode> posted = new LinkedBlockingQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hooks/alerts", exchange -> {
            posted.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks/alerts";
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(config("alert_stale", Map.of("trader.alerts.stale-after", "1s",
                "trader.alerts.webhook-url", url))))) {
            JsonNode stale = AlertsApi.await(node.httpPort(), "active", "stale_data", "binance:BTCUSDT", WITHIN);
            assertTrue(stale.path("message").asText().startsWith("no bar for"), stale.toString());

            HttpResponse<String> ready = get(node, "/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(JSON.readTree(ready.body()).path("checks").path("data").asText().contains("binance:BTCUSDT"), ready.body());
            HttpResponse<String> health = get(node, "/health");
            assertEquals(200, health.statusCode(), "liveness stays up: a restart would not bring the data back");
            assertEquals("degraded", JSON.readTree(health.body()).path("status").asText(), health.body());
            assertTrue(awaitMetric(node, "alerts_active{alert=\"stale_data\"} 2.0").contains("data_staleness_seconds{instrument=\"binance:BTCUSDT\"}"));

            // A bar arrives: the instrument is fresh again and its alert clears; the other one stays stale.
            SyntheticBars.feed(node, crossBars().subList(0, 1));
            AlertsApi.await(node.httpPort(), "resolved", "stale_data", "binance:BTCUSDT", WITHIN);
            JsonNode view = AlertsApi.get(node.httpPort());
            assertTrue(view.path("active").toString().contains("binance:ETHUSDT"), view.toString());

            List<String> heard = new ArrayList<>();
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (heard.size() < 3 && System.nanoTime() < deadline) {
                JsonNode p = posted.poll(100, TimeUnit.MILLISECONDS);
                if (p != null) {
                    assertEquals("stale_data", p.path("alert").asText(), p.toString());
                    assertEquals("warning", p.path("severity").asText(), p.toString());
                    heard.add(p.path("event").asText() + " " + p.path("subject").asText());
                }
            }
            assertTrue(heard.containsAll(List.of("fired binance:BTCUSDT", "fired binance:ETHUSDT", "resolved binance:BTCUSDT")), heard.toString());
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void realFillsThatSlipAndRealTradesThatLoseRaiseTheirAlerts() throws Exception {
        // Expect no slippage at all (p90 of 0 bps), one order above it is enough; every one of the last
        // three trades should have won. The real March 2023 candles disappoint both.
        Map<String, Object> strict = Map.of("trader.alerts.slippage.p90-bps", "0", "trader.alerts.slippage.fills", 1,
                "trader.alerts.hit-rate.floor", "1", "trader.alerts.hit-rate.trades", 3);
        try (TraderNode node = TraderNode.start(config("alert_fills", strict))) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            JsonNode slipped = awaitRaised(node, "slippage_above_p90");
            assertTrue(slipped.toString().contains("each above the p90 of 0 bps"), slipped.toString());
            JsonNode lost = awaitRaised(node, "hit_rate_below_floor");
            assertTrue(lost.toString().contains("of the last 3 trades won"), lost.toString());
            String metrics = awaitMetric(node, "slippage_bps_count{");
            assertTrue(metrics.contains("direction=\"adverse\""), metrics);
        }
    }

    @Test
    void aJournalDatabaseThatStopsAnsweringRaisesAnAlert() throws Exception {
        PostgresBackend postgres = new PostgresBackend();
        try (TraderNode node = TraderNode.start(config(postgres.freshJournal("alert_journal", workDir), Map.of()))) {
            assertEquals(200, get(node, "/ready").statusCode(), "the journal answers at first");
            assertFalse(AlertsApi.raised(AlertsApi.get(node.httpPort()), "journal_failure"));

            postgres.stop();
            JsonNode alert = AlertsApi.await(node.httpPort(), "active", "journal_failure", "node", WITHIN);
            assertTrue(alert.path("message").asText().startsWith("journal database: unreachable"), alert.toString());
            HttpResponse<String> ready = get(node, "/ready");
            assertEquals(503, ready.statusCode(), ready.body());
        }
    }

    private JsonNode awaitRaised(TraderNode node, String alert) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonNode view = AlertsApi.get(node.httpPort());
        while (!AlertsApi.raised(view, alert)) {
            assertTrue(System.nanoTime() < deadline, "no " + alert + " within " + WITHIN + ": " + view);
            Thread.sleep(100);
            view = AlertsApi.get(node.httpPort());
        }
        return view;
    }

    /** The scrape once it contains {@code text} (Kamon publishes what a tick recorded). */
    private String awaitMetric(TraderNode node, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String body = get(node, "/metrics").body();
        while (!body.contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in /metrics within 20 s:\n" + body);
            Thread.sleep(200);
            body = get(node, "/metrics").body();
        }
        return body;
    }

    /** The scrape once a tick has passed since the node started (kamon.metric.tick-interval is 200 ms in the tests). */
    private String settledScrape(TraderNode node) throws Exception {
        Thread.sleep(600);
        return get(node, "/metrics").body();
    }

    /** A series' value in a scrape; 0 when it is not there yet. */
    private static double counter(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        return 0;
    }

    private static IntentDecision only(BarOutcome outcome) {
        assertEquals(1, outcome.decisions().size(), outcome.bar().openTime() + ": " + outcome.decisions());
        return outcome.decisions().get(0);
    }

    private HttpResponse<String> get(TraderNode node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(TraderNode node, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
