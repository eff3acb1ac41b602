package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.LogCapture;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.pipeline.BarOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/kill-switch} on a real node over real HTTP: strict input, per-strategy and
 * global switches that block the next signals through the engine, every blocked attempt counted
 * in {@code /api/status} and logged.
 */
class KillSwitchApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-07T08:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void malformedOrUnknownInputIsABadRequestThatChangesNothing() throws Exception {
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("kill_bad", workDir))))) {
            Map<String, String> bad = Map.of(
                    "{\"on\": tru", "malformed JSON",
                    "[true]", "JSON object",
                    "", "JSON object",
                    "{\"on\": true, \"everything\": 1}", "everything",
                    "{\"strategy\": \"cross\"}", "\"on\" must be true or false",
                    "{\"on\": \"yes\"}", "\"on\" must be true or false",
                    "{\"on\": true, \"strategy\": 7}", "\"strategy\" must be",
                    "{\"on\": true, \"strategy\": \"no-such\"}", "'no-such' is not configured",
                    "{\"on\": true, \"on\": false}", "Duplicate field",
                    "{\"on\": true} {\"on\": false}", "malformed JSON");
            for (Map.Entry<String, String> b : bad.entrySet()) {
                HttpResponse<String> r = post(node, b.getKey());
                assertEquals(400, r.statusCode(), b.getKey() + " -> " + r.body());
                JsonNode e = JSON.readTree(r.body());
                assertEquals("bad_request", e.path("error").asText(), r.body());
                assertTrue(e.path("message").asText().contains(b.getValue()), b.getKey() + " -> " + r.body());
            }
            HttpResponse<String> tooBig = post(node, "{\"on\": true, \"strategy\": \"" + "x".repeat(5000) + "\"}");
            assertEquals(413, tooBig.statusCode(), tooBig.body());

            HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri(node, "/api/kill-switch")).header("Authorization", TestNodes.AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode(), get.body());
            assertEquals(java.util.Optional.of("POST"), get.headers().firstValue("Allow"));

            JsonNode risk = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertFalse(risk.path("killSwitch").path("global").asBoolean(), risk.toString());
            assertEquals(0, risk.path("killSwitch").path("strategies").size(), risk.toString());
        }
    }

    @Test
    void aStrategysSwitchThenTheGlobalOneBlockEverySignalAndCountEachAttempt() throws Exception {
        // LONG at bars 20, 24 and 28 (FLAT at 22, 26, 30 with nothing held)
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "110", "109", "118", "117", "116", "115", "125", "124", "123"));
        List<Bar> bars = SyntheticBars.bars(T0, closes, null);
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("kill", workDir))));
             LogCapture log = LogCapture.of(AccountEntity.class)) {
            HttpResponse<String> on = post(node, "{\"on\": true, \"strategy\": \"cross\"}");
            assertEquals(200, on.statusCode(), on.body());
            assertEquals("[\"cross\"]", JSON.readTree(on.body()).path("killSwitch").path("strategies").toString(), on.body());

            List<BarOutcome> first = SyntheticBars.feed(node, bars.subList(0, 23));
            assertEquals("kill_switch", only(first.get(20)).rule());

            assertEquals(200, post(node, "{\"on\": false, \"strategy\": \"cross\"}").statusCode());
            HttpResponse<String> global = post(node, "{\"on\": true}");
            assertTrue(JSON.readTree(global.body()).path("killSwitch").path("global").asBoolean(), global.body());
            List<BarOutcome> second = SyntheticBars.feed(node, bars.subList(23, 27));
            assertEquals("kill_switch", only(second.get(1)).rule(), "bar 24");

            JsonNode risk = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertEquals(2, risk.path("blockedAttemptsTotal").asLong(), risk.toString());
            assertEquals(1, risk.path("blockedAttempts").path("cross").asLong(), risk.toString());
            assertEquals(1, risk.path("blockedAttempts").path("global").asLong(), risk.toString());
            assertEquals("kill_switch", risk.path("lastRejections").get(0).path("rule").asText());
            assertTrue(risk.path("lastRejections").get(0).path("reason").asText().contains("global"), risk.toString());
            assertTrue(PropFirmGuardrailTest.get(node, "/api/status").path("account").path("killSwitch").asBoolean());

            assertEquals(200, post(node, "{\"on\": false, \"strategy\": null}").statusCode());
            List<BarOutcome> third = SyntheticBars.feed(node, bars.subList(27, bars.size()));
            IntentDecision free = only(third.get(1));
            assertTrue(free.approved(), "bar 28, every switch off: " + free.reason());

            List<String> blocked = log.lines().stream().filter(l -> l.startsWith("WARN order blocked by kill_switch")).toList();
            assertEquals(2, blocked.size(), String.join("\n", log.lines()));
            assertTrue(blocked.get(0).contains("blocked attempt #1") && blocked.get(1).contains("blocked attempt #2"), blocked.toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN kill switch (global) ON")), String.join("\n", log.lines()));
        }
    }

    private static IntentDecision only(BarOutcome outcome) {
        assertEquals(1, outcome.decisions().size(), outcome.bar().openTime() + ": " + outcome.decisions());
        return outcome.decisions().get(0);
    }

    private HttpResponse<String> post(TraderNode node, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, "/api/kill-switch")).header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TraderNode node, String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }
}
