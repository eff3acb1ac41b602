package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.engine.pipeline.BarOutcome;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/risk} on a running node: the effective limits after the governor and the hard
 * caps, the floors, and the instruments a high-impact event blacks out at the account's time; the
 * entry the rules refused for it agrees.
 */
class RiskApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-05-09T08:00:00Z");

    @TempDir
    Path workDir;

    @Test
    void theEffectiveLimitsAndANewsBlackoutAreWhatTheRulesApply() throws Exception {
        Path calendar = workDir.resolve("calendar.csv");
        Files.writeString(calendar, "datetime_utc,currency,impact,event\n2024-05-09T08:25:00+00:00,USD,High Impact Expected,CPI m/m\n");
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.add("115");
        List<Bar> bars = SyntheticBars.bars(T0, closes, null);
        try (TraderNode node = TraderNode.start(SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("risk_api", workDir)))
                .withValue("trader.risk.news.calendar-file", ConfigValueFactory.fromAnyRef(calendar.toString())))) {
            List<BarOutcome> outcomes = SyntheticBars.feed(node, bars);
            assertEquals("news_blackout", outcomes.get(20).decisions().get(0).rule(), "the entry at 08:21 is 4 minutes before the release");

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/risk"))
                    .header("Authorization", TestNodes.AUTH).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode risk = JSON.readTree(r.body());
            assertEquals("prop-firm", risk.path("model").asText());
            assertEquals(bars.get(20).closeTime().toString(), risk.path("asOf").asText(), "event time: the last bar's close");
            JsonNode limits = risk.path("constraints");
            assertEquals(0, new BigDecimal(limits.path("risk_fraction_configured").asText()).multiply(new BigDecimal(limits.path("governor_multiplier").asText()))
                    .compareTo(new BigDecimal(limits.path("risk_fraction_effective").asText())), limits.toString());
            assertTrue(new BigDecimal(limits.path("leverage_cap").asText()).compareTo(BigDecimal.TEN) <= 0, "never above the hard cap");
            assertEquals(0, new BigDecimal("9500").compareTo(new BigDecimal(limits.path("daily_floor").asText())), limits.toString());
            List<String> blackedOut = new ArrayList<>();
            risk.path("newsBlackouts").forEach(b -> {
                assertEquals("CPI m/m", b.path("event").asText());
                assertEquals("2024-05-09T08:40:00Z", b.path("until").asText());
                blackedOut.add(b.path("instrument").asText());
            });
            assertEquals(List.of("binance:BTCUSDT", "binance:ETHUSDT"), blackedOut.stream().sorted().toList(), risk.toString());
            assertTrue(risk.path("state").has("dailyFloor"), "the risk state is there too: " + risk);
        }
    }
}
