package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trader.app.testing.AlertsApi;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a node that has traded the real March 2023 candles: every metric the
 * observability issue names is there with live values, and every metric the Prometheus rules and
 * the Grafana dashboard in {@code deploy/} use is one the node serves.
 */
class MetricsEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEPLOY = Path.of("..", "..", "deploy").toAbsolutePath().normalize();
    /** The issue's metrics, by the family name Prometheus shows (counters end in _total). */
    private static final List<String> REQUIRED = List.of("signals_total", "orders_submitted_total", "guard_rejections_total",
            "constraint_violations_total", "fills_latency_ms_bucket", "slippage_bps_bucket", "r_today", "r_week", "equity", "floor_distance",
            "bars_ingested_total", "bars_rejected_total", "data_staleness_seconds", "ws_clients", "reconciliation_mismatches_total");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring", "bool", "offset");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void aNodeThatTradedServesEveryMetricWithLiveValuesAndEveryMetricTheDeployFilesUse() throws Exception {
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("metrics", workDir));
        overrides.putAll(AlertsApi.FAST);
        try (TraderNode node = TraderNode.start(TestNodes.config(overrides))) {
            // Kamon's registry is the JVM's: other tests' nodes counted too, so counters are read as increases.
            Thread.sleep(600);
            Map<String, Double> atStart = parse(get(node, "/metrics").body());
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            JsonNode status = JSON.readTree(get(node, "/api/status").body());
            String equity = status.path("risk").path("equity").asText();
            // Kamon publishes what its last tick recorded: wait for the tick after the replay.
            String eth = "bars_ingested_total{instrument=\"binance:ETHUSDT\"}";
            Map<String, Double> series = awaitSeries(node, s -> s.getOrDefault(eth, 0.0) - atStart.getOrDefault(eth, 0.0) == 720.0
                    && s.containsKey("fills_latency_ms_count") && Math.abs(s.getOrDefault("equity{currency=\"USDT\"}", 0.0)
                    - Double.parseDouble(equity)) < 1e-6);

            Set<String> families = families(series);
            for (String required : REQUIRED) {
                assertTrue(families.contains(required), required + " missing from /metrics: " + families);
            }
            String btc = "bars_ingested_total{instrument=\"binance:BTCUSDT\"}";
            assertEquals(720.0, series.get(btc) - atStart.getOrDefault(btc, 0.0), "every real candle of the fixture");
            assertTrue(sum(series, "signals_total{") > sum(atStart, "signals_total{"), "signals were counted");
            assertTrue(sum(series, "orders_submitted_total{") > sum(atStart, "orders_submitted_total{"), "orders were counted");
            assertTrue(sum(series, "guard_rejections_total{") > sum(atStart, "guard_rejections_total{"), "the governor refused entries on this data");
            assertTrue(series.get("fills_latency_ms_count") > atStart.getOrDefault("fills_latency_ms_count", 0.0));
            assertTrue(sum(series, "slippage_bps_count{") > sum(atStart, "slippage_bps_count{"));
            assertEquals(sum(atStart, "bars_rejected_total{"), sum(series, "bars_rejected_total{"), "the fixture is clean");
            assertTrue(value(series, "bars_rejected_total", "instrument=\"binance:BTCUSDT\"", "reason=\"out_of_order\"") != null,
                    "known reasons are served before they happen");
            BigDecimal daily = new BigDecimal(status.path("risk").path("dailyFloor").path("distance").asText());
            assertEquals(daily.doubleValue(), value(series, "floor_distance", "floor=\"daily\"", "currency=\"USDT\""), 1e-6);
            assertEquals(1.0, series.get("cluster_members{status=\"up\"}"));

            Set<String> used = new TreeSet<>();
            YAMLMapper yaml = new YAMLMapper();
            for (JsonNode group : yaml.readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    used.addAll(metricsIn(rule.path("expr").asText()));
                }
            }
            assertEquals("/metrics", yaml.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile()).path("scrape_configs").get(0)
                    .path("metrics_path").asText());
            for (JsonNode panel : JSON.readTree(DEPLOY.resolve("grafana/trader-dashboard.json").toFile()).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    used.addAll(metricsIn(target.path("expr").asText()));
                }
            }
            used.remove("up");
            assertTrue(used.size() > 20, used.toString());
            for (String metric : used) {
                assertTrue(families.contains(metric), metric + " is used in deploy/ but the node does not serve it: " + families);
            }
        }
    }

    /** The metric names in a PromQL expression: words that are not functions, keywords, labels, durations or strings. */
    static Set<String> metricsIn(String expr) {
        String s = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?").matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private Map<String, Double> awaitSeries(TraderNode node, java.util.function.Predicate<Map<String, Double>> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Double> series = parse(get(node, "/metrics").body());
        while (!ready.test(series)) {
            assertTrue(System.nanoTime() < deadline, "/metrics not there within 30 s: " + series);
            Thread.sleep(250);
            series = parse(get(node, "/metrics").body());
        }
        return series;
    }

    /** Each sample line of the scrape: series (name with labels) → value. */
    private static Map<String, Double> parse(String scrape) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    /** Family names as PromQL sees them: the histograms by their _bucket, _sum and _count series. */
    private static Set<String> families(Map<String, Double> series) {
        Set<String> out = new TreeSet<>();
        series.keySet().forEach(k -> out.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
        return out;
    }

    /** The value of the series of {@code name} with these labels, in whatever order the scrape lists them. */
    private static Double value(Map<String, Double> series, String name, String... labels) {
        return series.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && List.of(labels).stream().allMatch(e.getKey()::contains)
                && e.getKey().chars().filter(c -> c == '=').count() == labels.length).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static double sum(Map<String, Double> series, String prefix) {
        return series.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
    }

    private HttpResponse<String> get(TraderNode node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
