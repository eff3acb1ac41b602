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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/governor/self-report} and {@code POST /api/risk/clear-halt} on a real node over
 * real HTTP: strict input (400 with a JSON error), 409 when there is nothing to act on (no bar
 * observed yet; not halted), and the effect visible in {@code /api/status} and, for a cleared
 * halt, in the log.
 */
class OperatorControlsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-06T08:00:00Z");
    private static final String SELF_REPORT = "/api/governor/self-report";
    private static final String CLEAR_HALT = "/api/risk/clear-halt";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void malformedOrUnknownInputIsABadRequestThatChangesNothing() throws Exception {
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("operator_bad", workDir))))) {
            Map<String, String> selfReport = new LinkedHashMap<>();
            selfReport.put("{\"state\": ", "malformed JSON");
            selfReport.put("[3]", "JSON object");
            selfReport.put("", "JSON object");
            selfReport.put("{}", "\"state\" must be an integer from 1 to 5 but was missing");
            selfReport.put("{\"state\": 0}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": 6}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": 3.0}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": \"3\"}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": null}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": 99999999999}", "\"state\" must be an integer from 1 to 5");
            selfReport.put("{\"state\": 3, \"mood\": \"ok\"}", "unknown field(s) [mood]");
            selfReport.put("{\"state\": 3, \"state\": 4}", "Duplicate field");
            selfReport.put("{\"state\": 3} {\"state\": 4}", "malformed JSON");
            assertBadRequests(node, SELF_REPORT, selfReport);

            Map<String, String> clearHalt = new LinkedHashMap<>();
            clearHalt.put("{\"reason\": ", "malformed JSON");
            clearHalt.put("\"why\"", "JSON object");
            clearHalt.put("", "JSON object");
            clearHalt.put("{}", "\"reason\" must be a string of 1 to 200 characters but was missing");
            clearHalt.put("{\"reason\": 7}", "\"reason\" must be a string");
            clearHalt.put("{\"reason\": null}", "\"reason\" must be a string");
            clearHalt.put("{\"reason\": \"\"}", "1 to 200 characters (not blank) but had 0");
            clearHalt.put("{\"reason\": \"   \"}", "not blank");
            clearHalt.put("{\"reason\": \"" + "x".repeat(201) + "\"}", "but had 201");
            clearHalt.put("{\"reason\": \"a\\nWARN forged\"}", "control characters");
            clearHalt.put("{\"reason\": \"ok\", \"force\": true}", "unknown field(s) [force]");
            clearHalt.put("{\"reason\": \"a\", \"reason\": \"b\"}", "Duplicate field");
            assertBadRequests(node, CLEAR_HALT, clearHalt);

            assertEquals(413, post(node, SELF_REPORT, "{\"state\": 3, \"x\": \"" + "x".repeat(5000) + "\"}").statusCode());
            assertEquals(413, post(node, CLEAR_HALT, "{\"reason\": \"" + "x".repeat(5000) + "\"}").statusCode());
            for (String path : List.of(SELF_REPORT, CLEAR_HALT)) {
                HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri(node, path)).header("Authorization", TestNodes.AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, get.statusCode(), get.body());
                assertEquals(java.util.Optional.of("POST"), get.headers().firstValue("Allow"));
            }

            JsonNode risk = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertTrue(risk.path("governor").path("selfReported").isNull(), risk.toString());
            assertFalse(risk.path("halted").asBoolean(), risk.toString());
        }
    }

    @Test
    void aSelfReportWaitsForTheFirstBarThenFeedsTheGovernorAndAHaltIsClearedOnlyWhenThereIsOne() throws Exception {
        // As in PropFirmGuardrailTest: 20 LONG at 115, 21 the entry fills, 22 the crash to 70 halts (daily floor), 23 the exit fills.
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "70", "69"));
        List<Bar> bars = SyntheticBars.bars(T0, closes, null);
        try (TraderNode node = TraderNode.start(SyntheticBars.withoutRestingStops(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("operator", workDir)))));
             LogCapture log = LogCapture.of(AccountEntity.class)) {
            HttpResponse<String> early = post(node, SELF_REPORT, "{\"state\": 2}");
            assertConflict(early, "no bar has been observed yet");
            assertConflict(post(node, CLEAR_HALT, "{\"reason\": \"nothing to clear\"}"), "not halted");

            SyntheticBars.feed(node, bars);
            JsonNode halted = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertTrue(halted.path("halted").asBoolean(), halted.toString());
            assertEquals("prop_daily_floor", halted.path("halt").path("rule").asText(), halted.toString());

            // the loss alone puts the governor at its drawdown level 3; the worst self-report (1) takes over the rule and restarts its cooldown
            HttpResponse<String> reported = post(node, SELF_REPORT, "{\"state\": 1}");
            assertEquals(200, reported.statusCode(), reported.body());
            JsonNode governor = JSON.readTree(reported.body()).path("governor");
            assertEquals(1, governor.path("selfReported").asInt(), reported.body());
            assertEquals(bars.get(bars.size() - 1).closeTime().toString(), governor.path("selfReportedAt").asText(),
                    "stamped with the last bar's close time, not the wall clock");
            JsonNode status = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertEquals(1, status.path("governor").path("selfReported").asInt(), status.toString());
            assertEquals("governor.self_reported", status.path("governor").path("rule").asText(), status.toString());
            assertEquals("0", status.path("governor").path("multiplier").asText(), status.toString());
            assertEquals(bars.get(bars.size() - 1).closeTime().plus(Duration.ofHours(2)).toString(),
                    status.path("governor").path("cooldownUntil").asText(), status.toString());

            HttpResponse<String> cleared = post(node, CLEAR_HALT, "{\"reason\": \"floor breach reviewed with the desk\"}");
            assertEquals(200, cleared.statusCode(), cleared.body());
            assertFalse(JSON.readTree(cleared.body()).path("halted").asBoolean(), cleared.body());
            JsonNode after = PropFirmGuardrailTest.get(node, "/api/status").path("risk");
            assertFalse(after.path("halted").asBoolean(), after.toString());
            assertTrue(after.path("halt").isNull(), after.toString());
            assertFalse(after.path("flattening").asBoolean(), after.toString());
            assertConflict(post(node, CLEAR_HALT, "{\"reason\": \"again\"}"), "not halted");

            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN halt (prop_daily_floor) CLEARED for account paper")
                    && l.contains("floor breach reviewed with the desk")), String.join("\n", log.lines()));
        }
    }

    private void assertBadRequests(TraderNode node, String path, Map<String, String> bad) throws Exception {
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> r = post(node, path, b.getKey());
            assertEquals(400, r.statusCode(), path + " " + b.getKey() + " -> " + r.body());
            JsonNode e = JSON.readTree(r.body());
            assertEquals("bad_request", e.path("error").asText(), r.body());
            assertTrue(e.path("message").asText().contains(b.getValue()), path + " " + b.getKey() + " -> " + r.body());
        }
    }

    private static void assertConflict(HttpResponse<String> r, String message) throws Exception {
        assertEquals(409, r.statusCode(), r.body());
        JsonNode e = JSON.readTree(r.body());
        assertEquals("conflict", e.path("error").asText(), r.body());
        assertTrue(e.path("message").asText().contains(message), r.body());
    }

    private HttpResponse<String> post(TraderNode node, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, path)).header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TraderNode node, String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }
}
