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
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.pipeline.BarOutcome;
import java.math.BigDecimal;
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
 * The prop-firm guardrail end to end, on a real node with the production wiring and real HTTP:
 * a long entry on hand-made bars, a crash of 39% within the next bar marks the position below the
 * daily floor (5% of the initial capital under the day-start balance), the account halts and
 * flattens at the next open, and the next LONG signal is blocked. The block shows in
 * {@code /api/status} (the halt's rule, the rejection with its reason) and in the log.
 */
class PropFirmGuardrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-06T08:00:00Z");

    @TempDir
    Path workDir;

    @Test
    void aLossThroughTheDailyFloorHaltsFlattensAndBlocksTheNextSignal() throws Exception {
        // 20 falling closes (EMA(1) below EMA(2)), then: 20 LONG at 115, 21 the entry fills at 115, 22 the crash to 70
        // (FLAT too), 23 the flatten's exit fills at 70, 24 LONG again at 80, which the halt blocks.
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "70", "69", "80", "79"));
        List<Bar> bars = SyntheticBars.bars(T0, closes, null);

        try (TraderNode node = TraderNode.start(SyntheticBars.withoutRestingStops(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("guardrail", workDir)))));
             LogCapture log = LogCapture.of(AccountEntity.class)) {
            List<BarOutcome> outcomes = SyntheticBars.feed(node, bars);

            IntentDecision entry = only(outcomes.get(20));
            assertTrue(entry.approved(), entry.reason() + " " + entry.inputs());
            assertEquals("binance:BTCUSDT", entry.instrument());
            IntentDecision flatAfterCrash = only(outcomes.get(22));
            assertEquals("nothing_to_reduce", flatAfterCrash.rule(), "the flatten's exit was already on its way: " + flatAfterCrash.reason());
            IntentDecision blocked = only(outcomes.get(24));
            assertEquals("halted", blocked.rule());
            assertTrue(blocked.reason().contains("prop_daily_floor"), blocked.reason());

            AccountState account = node.engine().account().ask(AccountEntity.GetStatus::new, Duration.ofSeconds(10)).toCompletableFuture().get();
            IntentDecision flatten = account.decisions().values().stream().filter(d -> "flatten".equals(d.rule())).findFirst().orElseThrow();
            assertEquals(bars.get(22).closeTime(), flatten.decisionTime(), "the flatten went out at the crash bar's close");
            assertTrue(account.books().get("binance:BTCUSDT").filled().isZero(), "flat: the exit filled at the next open");
            JsonNode flattenOrder = get(node, "/api/orders/" + flatten.clientOrderId());
            assertEquals("FILLED", flattenOrder.path("status").asText(), flattenOrder.toString());
            JsonNode quality = flattenOrder.path("execution");
            assertEquals(0, new BigDecimal(quality.path("decisionPrice").asText()).compareTo(bars.get(22).close().toBigDecimal()),
                    "the flatten's exit is measured against the mark it was decided at, the crash bar's close: " + quality);
            assertTrue(quality.path("slippageBps").isTextual(), quality.toString());

            JsonNode status = get(node, "/api/status");
            JsonNode risk = status.path("risk");
            assertEquals("prop-firm", risk.path("model").asText(), status.toString());
            assertTrue(risk.path("halted").asBoolean(), risk.toString());
            assertEquals("prop_daily_floor", risk.path("halt").path("rule").asText(), risk.toString());
            assertTrue(risk.path("halt").path("untilNextDay").asBoolean());
            assertEquals(0, new BigDecimal(risk.path("dailyFloor").path("level").asText()).compareTo(new BigDecimal("9500")), risk.toString());
            assertTrue(risk.path("dailyFloor").path("reached").asBoolean(), "equity at or below the daily floor: " + risk.path("dailyFloor"));
            assertTrue(new BigDecimal(risk.path("dailyFloor").path("distance").asText()).signum() <= 0);
            assertFalse(risk.path("overallFloor").path("reached").asBoolean(), "the overall floor (9000) is not reached");
            assertEquals(0, new BigDecimal(risk.path("overallFloor").path("level").asText()).compareTo(new BigDecimal("9000")));
            assertTrue(risk.path("flattening").asBoolean());
            JsonNode last = risk.path("lastRejections").get(0);
            assertEquals("halted", last.path("rule").asText(), risk.toString());
            assertTrue(last.path("reason").asText().contains("prop_daily_floor"), last.toString());
            assertEquals(bars.get(24).closeTime().toString(), last.path("time").asText());
            assertEquals(0, status.path("openPositions").size(), "flattened");

            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN account paper HALTED by prop_daily_floor")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN flatten exit ")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN entry blocked by halted") && l.contains("prop_daily_floor")),
                    String.join("\n", lines));
            System.out.printf("[guardrail] halted by %s at equity %s (daily floor %s); the next LONG: %s%n", risk.path("halt").path("rule").asText(),
                    risk.path("equity").asText(), risk.path("dailyFloor").path("level").asText(), blocked.reason());
        }
    }

    private static IntentDecision only(BarOutcome outcome) {
        assertEquals(1, outcome.decisions().size(), outcome.bar().openTime() + ": " + outcome.decisions());
        return outcome.decisions().get(0);
    }

    static JsonNode get(TraderNode node, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
