package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestKeys;
import dev.trader.app.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's gate on a real node over real HTTP: every route without a key and with a wrong
 * key (401), with each role below the one it needs (403) and with the one it needs (let through),
 * a key of another account (403, BOLA), a key limited to one strategy, oversize, malformed, deep and
 * unknown-field bodies, CORS preflights from a foreign and an allowed origin, the rate limit, and
 * every write journaled as an operator action with who, before and after.
 */
class AdminApiSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_ORIGIN = "http://dashboard.example";
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;
    private static TraderNode node;

    /** Route, body, and the least role that may call it. */
    private record Endpoint(String method, String path, String body, String role) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/metrics", null, "viewer"),
            new Endpoint("GET", "/api/status", null, "viewer"),
            new Endpoint("GET", "/api/whoami", null, "viewer"),
            new Endpoint("GET", "/api/instruments/binance:BTCUSDT", null, "viewer"),
            new Endpoint("GET", "/api/orders/tnosuchorder", null, "viewer"),
            new Endpoint("GET", "/api/execution-quality", null, "viewer"),
            new Endpoint("GET", "/api/parent-orders/tnoparent", null, "viewer"),
            new Endpoint("GET", "/api/audit/head", null, "viewer"),
            new Endpoint("GET", "/api/alerts", null, "viewer"),
            new Endpoint("GET", "/api/operator-actions", null, "viewer"),
            new Endpoint("GET", "/api/reconciliations", null, "viewer"),
            new Endpoint("GET", "/api/instruments", null, "viewer"),
            new Endpoint("GET", "/api/positions", null, "viewer"),
            new Endpoint("GET", "/api/orders", null, "viewer"),
            new Endpoint("GET", "/api/trades", null, "viewer"),
            new Endpoint("GET", "/api/trades.csv", null, "viewer"),
            new Endpoint("GET", "/api/signals", null, "viewer"),
            new Endpoint("GET", "/api/metrics", null, "viewer"),
            new Endpoint("GET", "/api/risk", null, "viewer"),
            new Endpoint("GET", "/api/strategies", null, "viewer"),
            new Endpoint("GET", "/api/strategies/cross", null, "viewer"),
            new Endpoint("POST", "/api/strategies/cross/stop", "", "trader"),
            new Endpoint("POST", "/api/strategies/cross/start", "", "trader"),
            new Endpoint("PUT", "/api/strategies/cross/threshold", "{\"minConfidence\": \"0\"}", "trader"),
            new Endpoint("POST", "/api/news/reload", "", "admin"),
            new Endpoint("POST", "/api/reconciliations", "", "trader"),
            new Endpoint("POST", "/api/governor/self-report", "{\"state\": 4}", "trader"),
            new Endpoint("POST", "/api/kill-switch", "{\"on\": false}", "admin"),
            new Endpoint("POST", "/api/risk/clear-halt", "{\"reason\": \"test\"}", "admin"),
            new Endpoint("POST", "/api/reconciliations/acknowledge", "{\"instrument\": \"binance:BTCUSDT\", \"reason\": \"test\"}", "admin"));
    private static final List<String> ROLES = List.of("viewer", "trader", "admin");

    @BeforeAll
    static void start() throws Exception {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (String role : ROLES) {
            keys.add(key(role, role, List.of("*"), List.of("*")));
        }
        keys.add(key("other-account", "admin", List.of("someone-else"), List.of("*")));
        keys.add(key("cross-only", "admin", List.of("*"), List.of("cross")));
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("security", workDir));
        overrides.put("trader.api.bootstrap-key", "");
        Config config = SyntheticBars.crossOnly(TestNodes.config(overrides))
                .withValue("trader.api.keys", ConfigValueFactory.fromIterable(keys))
                .withValue("trader.api.cors.allowed-origins", ConfigValueFactory.fromIterable(List.of(ALLOWED_ORIGIN)))
                .withValue("trader.api.rate-limit.burst", ConfigValueFactory.fromAnyRef(100))
                .withValue("trader.api.rate-limit.requests-per-second", ConfigValueFactory.fromAnyRef(50));
        node = TraderNode.start(config);
    }

    private static Map<String, Object> key(String id, String role, List<String> accounts, List<String> strategies) {
        return TestKeys.configured(KEYS, id, role, accounts, strategies);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyRouteWantsAKeyAndTheRoleItNames() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            HttpResponse<String> none = send(e, null);
            assertEquals(401, none.statusCode(), e + " without a key: " + none.body());
            assertEquals("unauthorized", JSON.readTree(none.body()).path("error").asText(), none.body());
            assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent(), e.toString());
            assertEquals(401, send(e, "trk_admin_" + "A".repeat(43)).statusCode(), e + " with a made-up secret under a real id");
            assertEquals(401, send(e, "not-a-key").statusCode(), e + " with garbage");
            int least = ROLES.indexOf(e.role());
            for (int i = 0; i < ROLES.size(); i++) {
                HttpResponse<String> r = send(e, KEYS.get(ROLES.get(i)));
                if (i < least) {
                    assertEquals(403, r.statusCode(), e + " as " + ROLES.get(i) + ": " + r.body());
                    assertTrue(JSON.readTree(r.body()).path("message").asText().contains("needs the " + e.role() + " role"), r.body());
                } else {
                    assertNotEquals(401, r.statusCode(), e + " as " + ROLES.get(i) + ": " + r.body());
                    assertNotEquals(403, r.statusCode(), e + " as " + ROLES.get(i) + ": " + r.body());
                }
            }
        }
        assertEquals(200, get("/health", null).statusCode(), "probes need no key");
        assertEquals(200, get("/ready", null).statusCode(), "probes need no key");
    }

    @Test
    void whoamiNamesTheCallersKeyRoleAndScope() throws Exception {
        JsonNode viewer = JSON.readTree(get("/api/whoami", KEYS.get("viewer")).body());
        assertEquals("{\"keyId\":\"viewer\",\"role\":\"viewer\",\"accounts\":[\"*\"],\"strategies\":[\"*\"]}", viewer.toString());
        JsonNode limited = JSON.readTree(get("/api/whoami", KEYS.get("cross-only")).body());
        assertEquals("admin", limited.path("role").asText());
        assertEquals("[\"cross\"]", limited.path("strategies").toString());
        assertFalse(get("/api/whoami", KEYS.get("admin")).body().contains(KEYS.get("admin").substring(20)), "the key's secret is never echoed");
    }

    @Test
    void theDashboardPageIsPublicItsDataIsNot() throws Exception {
        HttpResponse<String> page = get("/", null);
        if (AdminApiSecurityTest.class.getClassLoader().getResource("dashboard/index.html") == null) {
            // built with -Ddashboard.skip: the node says so
            assertEquals(404, page.statusCode(), page.body());
            assertTrue(page.body().contains("the dashboard is not built into this jar"), page.body());
            return;
        }
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().map().toString());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"), page.headers().map().toString());
        assertTrue(page.body().contains("<div id=\"root\">"), page.body());
        var script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertTrue(script.find(), page.body());
        HttpResponse<String> js = get(script.group(1), null);
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"), js.headers().map().toString());
        assertEquals("public, max-age=31536000, immutable", js.headers().firstValue("Cache-Control").orElse(""));
        // the page routes itself: a browser's paths answer the page; an API client's unknown path, the API's, the probes' and
        // missing assets do not
        assertEquals(page.body(), browse("/risk").body());
        assertEquals(page.body(), browse("/trades/2023").body());
        assertEquals(404, get("/risk", KEYS.get("viewer")).statusCode(), "a script asking for /risk gets the API's 404");
        assertEquals(401, browse("/api/status").statusCode());
        assertEquals(200, browse("/health").statusCode());
        assertTrue(browse("/health").body().contains("\"status\""));
        HttpResponse<String> missing = get("/assets/nothing-here.js", null);
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", JSON.readTree(missing.body()).path("error").asText());
        assertEquals(404, get("/assets/..%2F..%2Fapplication.conf", null).statusCode(), "nothing outside dashboard/assets/");
        assertEquals(404, get("/assets/logback.xml", null).statusCode(), "only the bundle's kinds of files");
        assertEquals(401, get("/api/status", null).statusCode(), "the data needs a key");
        assertEquals(401, get("/api/no-such-route", null).statusCode());
        HttpResponse<String> unknown = get("/api/no-such-route", KEYS.get("viewer"));
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("not_found", JSON.readTree(unknown.body()).path("error").asText());
        HttpResponse<String> wrongMethod = post("/api/no-such-route", "{}", KEYS.get("admin"));
        assertEquals(404, wrongMethod.statusCode(), "a POST to an unknown API path is still the API's 404: " + wrongMethod.body());
        assertEquals(401, get("/metrics", null).statusCode());
    }

    @Test
    void aKeyOfAnotherAccountSeesNothingOfThisOne() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            if (!e.path().startsWith("/api/")) {
                continue;
            }
            HttpResponse<String> r = send(e, KEYS.get("other-account"));
            assertEquals(403, r.statusCode(), e + " with a key of another account: " + r.body());
            assertTrue(JSON.readTree(r.body()).path("message").asText().contains("may not see account paper"), r.body());
        }
    }

    @Test
    void aKeyLimitedToOneStrategyMaySwitchOnlyThatOne() throws Exception {
        String key = KEYS.get("cross-only");
        assertEquals(403, post("/api/kill-switch", "{\"on\": true}", key).statusCode(), "the global switch touches other strategies");
        HttpResponse<String> own = post("/api/kill-switch", "{\"on\": false, \"strategy\": \"cross\"}", key);
        assertEquals(200, own.statusCode(), own.body());
    }

    @Test
    void badBodiesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String admin = KEYS.get("admin");
        Map<String, String> bad = Map.of(
                "{\"on\": tru", "malformed JSON",
                "{\"on\": true, \"maxNotional\": 1000000}", "unknown field(s) [maxNotional]",
                "{\"on\": true, \"x\": " + "[".repeat(40) + "]".repeat(40) + "}", "malformed JSON");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> r = post("/api/kill-switch", b.getKey(), admin);
            assertEquals(400, r.statusCode(), b.getKey() + " -> " + r.body());
            JsonNode error = JSON.readTree(r.body());
            assertEquals("bad_request", error.path("error").asText());
            assertTrue(error.path("message").asText().contains(b.getValue()), r.body());
            assertTrue(error.has("details"), "every error has {error, message, details}: " + r.body());
        }
        HttpResponse<String> big = post("/api/kill-switch", "{\"on\": true, \"strategy\": \"" + "x".repeat(10_000) + "\"}", admin);
        assertEquals(413, big.statusCode(), big.body());
        assertFalse(JSON.readTree(get("/api/status", admin).body()).path("risk").path("killSwitch").path("global").asBoolean(),
                "nothing was switched");
    }

    @Test
    void corsAnswersTheAllowedOriginAndRefusesAForeignOne() throws Exception {
        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(uri("/api/kill-switch")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), foreign.headers().map().toString());

        HttpResponse<String> allowed = HTTP.send(HttpRequest.newBuilder(uri("/api/kill-switch")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, allowed.statusCode(), allowed.body());
        assertEquals(ALLOWED_ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "keys travel in a header, never with credentials");

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(uri("/api/status")).header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + KEYS.get("viewer")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "a foreign page's browser never gets to read the answer");
    }

    @Test
    void aCallerAboveItsRateIsToldToWait() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            burst.add(HTTP.sendAsync(HttpRequest.newBuilder(uri("/api/alerts")).header("Authorization", "Bearer " + KEYS.get("trader")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertFalse(limited.isEmpty(), "250 requests at once against a burst of 100");
        assertTrue(limited.get(0).headers().firstValue("Retry-After").isPresent());
        assertEquals("rate_limited", JSON.readTree(limited.get(0).body()).path("error").asText());
        assertEquals(200, get("/api/alerts", KEYS.get("viewer")).statusCode(), "another key is not slowed");
    }

    @Test
    void everyWriteIsJournaledWithWhoBeforeAndAfter() throws Exception {
        String admin = KEYS.get("admin");
        assertEquals(200, post("/api/kill-switch", "{\"on\": true}", admin).statusCode());
        assertEquals(200, post("/api/kill-switch", "{\"on\": false}", admin).statusCode());
        JsonNode log = JSON.readTree(get("/api/operator-actions", KEYS.get("viewer")).body());
        List<JsonNode> switches = new ArrayList<>();
        log.path("latest").forEach(a -> {
            if (a.path("action").asText().equals("kill-switch") && a.path("keyId").asText().equals("admin")) {
                switches.add(a);
            }
        });
        assertTrue(switches.size() >= 2, log.toString());
        JsonNode on = switches.get(switches.size() - 2);
        assertEquals("admin", on.path("role").asText());
        assertEquals("{\"on\": true}", on.path("request").asText());
        assertFalse(JSON.readTree(on.path("before").asText()).path("killSwitch").path("global").asBoolean(), on.toString());
        assertTrue(JSON.readTree(on.path("after").asText()).path("killSwitch").path("global").asBoolean(), on.toString());
    }

    private static HttpResponse<String> send(Endpoint e, String key) throws Exception {
        if (e.method().equals("PUT")) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(e.path())).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(e.body()));
            if (key != null) {
                b.header("Authorization", "Bearer " + key);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        return e.method().equals("GET") ? get(e.path(), key) : post(e.path(), e.body(), key);
    }

    /** As a browser navigates: asking for HTML, without a key. */
    private static HttpResponse<String> browse(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

}
