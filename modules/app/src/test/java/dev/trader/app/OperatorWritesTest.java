package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's strategy controls and the flatten through the real API, with their effect on a
 * running node: a stopped strategy and one whose threshold its signal does not clear raise
 * nothing; started again with the threshold at zero, it trades; a flatten halts the account,
 * closes the position at the next bars and blocks the next entry.
 */
class OperatorWritesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-08T08:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    /** LONG at bars 20, 24, 28 and 32 (FLAT between, with nothing held while the strategy is stopped). */
    private static List<Bar> bars() {
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "110", "109", "118", "117", "116", "115", "125", "124", "123", "122", "130", "131", "132", "133"));
        return SyntheticBars.bars(T0, closes, null);
    }

    @Test
    void aStoppedStrategyAndOneBelowItsThresholdRaiseNothingAndAFlattenClosesEverything() throws Exception {
        List<Bar> bars = bars();
        try (TraderNode node = TraderNode.start(SyntheticBars.withoutRestingStops(SyntheticBars.crossOnly(
                TestNodes.config(new H2Backend().freshJournal("operator_writes", workDir)))))) {
            JsonNode stopped = JSON.readTree(send(node, "POST", "/api/strategies/cross/stop", "").body());
            assertTrue(stopped.path("instruments").findValues("enabled").stream().noneMatch(JsonNode::asBoolean), stopped.toString());
            List<BarOutcome> first = SyntheticBars.feed(node, bars.subList(0, 23));
            assertEquals(0, first.get(20).signals(), "a stopped strategy raises nothing");

            assertEquals(200, send(node, "POST", "/api/strategies/cross/start", "").statusCode());
            HttpResponse<String> high = send(node, "PUT", "/api/strategies/cross/threshold", "{\"minConfidence\": \"1\"}");
            assertEquals(200, high.statusCode(), high.body());
            assertEquals("1", JSON.readTree(high.body()).path("instruments").get(0).path("minConfidence").asText(), high.body());
            List<BarOutcome> second = SyntheticBars.feed(node, bars.subList(23, 27));
            assertEquals(0, second.get(1).signals(), "bar 24: the signal does not clear a threshold of 1");

            HttpResponse<String> bad = send(node, "PUT", "/api/strategies/cross/threshold", "{\"minConfidence\": 1.5}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("within [0, 1]"), bad.body());
            assertEquals(200, send(node, "PUT", "/api/strategies/cross/threshold", "{\"minConfidence\": 0}").statusCode());
            List<BarOutcome> third = SyntheticBars.feed(node, bars.subList(27, 30));
            IntentDecision entry = only(third.get(1));
            assertTrue(entry.approved(), "bar 28: started, threshold 0: " + entry.reason());

            HttpResponse<String> flatten = send(node, "POST", "/api/flatten", "{\"reason\": \"desk closes everything\"}");
            assertEquals(200, flatten.statusCode(), flatten.body());
            JsonNode risk = JSON.readTree(flatten.body());
            assertTrue(risk.path("halted").asBoolean(), flatten.body());
            assertEquals("operator_flatten", risk.path("halt").path("rule").asText(), flatten.body());
            assertEquals(409, send(node, "POST", "/api/flatten", "{\"reason\": \"again\"}").statusCode(), "one flatten at a time");

            List<BarOutcome> fourth = SyntheticBars.feed(node, bars.subList(30, bars.size()));
            AccountState account = node.engine().account().ask(AccountEntity.GetStatus::new, Duration.ofSeconds(10)).toCompletableFuture().get();
            assertTrue(account.books().get("binance:BTCUSDT").filled().isZero(), "the flatten's exit closed the position");
            IntentDecision blocked = only(fourth.get(2));
            assertEquals("halted", blocked.rule(), "bar 32: the halt blocks the next entry: " + blocked.reason());

            JsonNode actions = JSON.readTree(send(node, "GET", "/api/operator-actions", null).body()).path("latest");
            List<String> names = new ArrayList<>();
            actions.forEach(a -> names.add(a.path("action").asText()));
            assertEquals(List.of("strategy-stop", "strategy-start", "strategy-threshold", "strategy-threshold", "flatten", "flatten"), names,
                    "every write the account saw is journaled, the refused second flatten too; a malformed body never reaches it");
            assertTrue(actions.get(5).path("after").asText().contains("already under way"), actions.get(5).toString());
        }
    }

    private static IntentDecision only(BarOutcome outcome) {
        assertEquals(1, outcome.decisions().size(), outcome.bar().openTime() + ": " + outcome.decisions());
        return outcome.decisions().get(0);
    }

    private HttpResponse<String> send(TraderNode node, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TestNodes.AUTH).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
