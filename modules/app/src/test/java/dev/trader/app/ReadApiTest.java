package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.api.security.ApiKeys;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history reads over real HTTP on a node that traded the real candles: orders paged with a
 * cursor that neither repeats nor skips, filters, trades as JSON and CSV that agree, signals with
 * the account's decision, the analytics with exactly the fields, a bad filter named in a
 * 400, and a key limited to one strategy reading only that one.
 */
class ReadApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void ordersTradesSignalsAndMetricsComeFromTheReadModel() throws Exception {
        ApiKeys.NewKey emaOnly = ApiKeys.generate("ema-only");
        try (TraderNode node = TraderNode.start(TestNodes.config(new H2Backend().freshJournal("read_api", workDir))
                .withValue("trader.api.keys", ConfigValueFactory.fromIterable(List.of(Map.of("id", "ema-only", "role", "viewer",
                        "sha256", emaOnly.sha256(), "accounts", List.of("*"), "strategies", List.of("ema-cross"))))))) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            int orders = awaitSettled(node, "/api/orders?limit=1");
            assertTrue(orders > 10, "the real candles traded: " + orders);

            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = get(node, "/api/orders?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), TestNodes.AUTH);
                assertEquals(orders, page.path("total").asInt());
                page.path("items").forEach(o -> ids.add(o.path("clientOrderId").asText()));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertEquals(orders, ids.size(), "every order once across the pages");
            assertEquals(orders, new HashSet<>(ids).size(), "no order twice");

            JsonNode filled = get(node, "/api/orders?status=FILLED&symbol=BTCUSDT&limit=500", TestNodes.AUTH);
            filled.path("items").forEach(o -> {
                assertEquals("FILLED", o.path("status").asText());
                assertEquals("binance:BTCUSDT", o.path("instrument").asText());
            });

            JsonNode trades = get(node, "/api/trades?limit=500", TestNodes.AUTH);
            HttpResponse<String> csv = raw(node, "/api/trades.csv", TestNodes.AUTH);
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().map().toString());
            List<String> lines = csv.body().lines().toList();
            assertEquals(trades.path("total").asInt() + 1, lines.size(), "a header and one line per trade");
            BigDecimal jsonPnl = BigDecimal.ZERO;
            for (JsonNode t : trades.path("items")) {
                jsonPnl = jsonPnl.add(new BigDecimal(t.path("pnlAfterFees").asText()));
            }
            assertTrue(trades.path("total").asInt() > 0);

            JsonNode signals = get(node, "/api/signals?limit=500", TestNodes.AUTH);
            assertTrue(signals.path("total").asInt() > 0);
            signals.path("items").forEach(s -> assertTrue(Set.of("APPROVED", "REJECTED", "IGNORED", "UNDECIDED").contains(s.path("decision").asText()),
                    s.toString()));

            JsonNode metrics = get(node, "/api/metrics", TestNodes.AUTH);
            Set<String> fields = new HashSet<>();
            metrics.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("profit_factor", "win_rate", "expected_R", "avg_R", "max_drawdown_R", "max_drawdown_pct", "time_in_market",
                    "avg_hold_minutes", "pnl_by_day", "pnl_by_hour", "pnl_by_weekday_hour", "regime_strategy_symbol_matrix"), fields);
            BigDecimal[] byDay = {BigDecimal.ZERO};
            metrics.path("pnl_by_day").properties().forEach(e -> byDay[0] = byDay[0].add(new BigDecimal(e.getValue().asText())));
            assertEquals(0, jsonPnl.compareTo(byDay[0]), "the P&L by day adds up to the trades' P&L after fees");
            assertEquals(24, metrics.path("pnl_by_hour").size());
            assertEquals(7, metrics.path("pnl_by_weekday_hour").size());

            HttpResponse<String> bad = raw(node, "/api/orders?limit=9999", TestNodes.AUTH);
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(JSON.readTree(bad.body()).path("message").asText().contains("limit"), bad.body());
            assertEquals(400, raw(node, "/api/trades?colour=red", TestNodes.AUTH).statusCode(), "unknown parameters are refused");

            String limited = "Bearer " + emaOnly.key();
            assertEquals(403, raw(node, "/api/orders", limited).statusCode(), "a key limited to one strategy names it");
            assertEquals(403, raw(node, "/api/orders?strategy=rsi-reversion", limited).statusCode());
            JsonNode own = get(node, "/api/orders?strategy=ema-cross&limit=500", limited);
            own.path("items").forEach(o -> assertEquals("ema-cross", o.path("strategy").asText()));
            assertNotNull(own.path("total"));
        }
    }

    /** The total once two readings a second apart agree (the projection catches up with the journal). */
    private int awaitSettled(TraderNode node, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int previous = -1;
        while (System.nanoTime() < deadline) {
            int total = get(node, path, TestNodes.AUTH).path("total").asInt();
            if (total > 0 && total == previous) {
                return total;
            }
            previous = total;
            Thread.sleep(1000);
        }
        throw new AssertionError("the read model did not settle within 60 s");
    }

    private JsonNode get(TraderNode node, String path, String auth) throws Exception {
        HttpResponse<String> r = raw(node, path, auth);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> raw(TraderNode node, String path, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
