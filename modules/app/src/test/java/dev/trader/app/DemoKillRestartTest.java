package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.app.testing.TraderProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user runs it, in its own JVM: start it, {@code kill -9} it in the middle of the
 * replay, start it again on the same data folder, and it resumes: the bars it had are not new,
 * the rest are, and the books end where an uninterrupted run ends.
 */
class DemoKillRestartTest {
    private static final Pattern STATUS_URL = Pattern.compile("status at http://localhost:(\\d+)/api/status");
    private static final Pattern REPLAYED = Pattern.compile("replayed (\\d+) bars \\((\\d+) new\\)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void killDashNineMidReplayThenRestartResumesToTheUninterruptedResult() throws Exception {
        EngineSnapshot expected;
        try (TraderNode reference = TraderNode.start(TestNodes.config(new H2Backend().freshJournal("reference", workDir)))) {
            new FileReplay(reference.engine(), reference.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            expected = EngineSnapshot.of(reference.engine());
        }

        Path dataDir = workDir.resolve("demo-data");
        Demo first = Demo.start(dataDir);
        int port = first.port();
        long barsAtKill = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (barsAtKill < 500 && System.nanoTime() < deadline) {
            barsAtKill = totalBars(port);
            Thread.sleep(20);
        }
        first.process().destroyForcibly().waitFor();
        assertTrue(barsAtKill >= 500 && barsAtKill < 1440, "killed mid-replay, at " + barsAtKill + " bars");

        Demo second = Demo.start(dataDir);
        try {
            int secondPort = second.port();
            Matcher replayed = second.awaitLine(REPLAYED);
            long processed = Long.parseLong(replayed.group(1));
            long fresh = Long.parseLong(replayed.group(2));
            assertEquals(1440, processed);
            assertTrue(fresh > 0 && fresh <= 1440 - barsAtKill, "resumed: " + fresh + " new bars after " + barsAtKill + " before the kill");
            JsonNode status = get(secondPort, "/api/status");
            for (JsonNode i : status.get("instruments")) {
                assertEquals("2023-03-17T10:14:00Z", i.get("lastBarTime").asText());
                assertEquals(720, i.get("barsAccepted").asLong());
            }
            JsonNode account = status.get("account");
            assertEquals(expected.account().cash().toBigDecimal(), new java.math.BigDecimal(account.get("cash").asText()), "cash");
            assertEquals(expected.account().approvedCount(), account.get("intentsApproved").asLong(), "orders");
            assertEquals(expected.account().bookedTradeIds().size(), account.get("tradesBooked").asLong(), "fills booked once each");
            System.out.printf("[demo kill -9] killed at %d bars, restart replayed %d new of %d; %d orders, cash %s as uninterrupted%n",
                    barsAtKill, fresh, processed, account.get("intentsApproved").asLong(), account.get("cash").asText());
        } finally {
            second.process().destroyForcibly().waitFor();
        }
    }

    private long totalBars(int port) {
        try {
            long sum = 0;
            for (JsonNode i : get(port, "/api/status").get("instruments")) {
                sum += i.get("barsAccepted").asLong();
            }
            return sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    /** {@code bin/trader demo --venue paper} on the fixtures, journaling into {@code dataDir}. */
    private record Demo(TraderProcess trader) {
        static Demo start(Path dataDir) throws Exception {
            return new Demo(TraderProcess.start(Map.of("TRADER_DATA_DIR", dataDir.toAbsolutePath().toString(), "TRADER_REMOTE_PORT", "0"),
                    "demo", "--venue", "paper", "--port", "0",
                    "--data", TestNodes.FIXTURES.stream().map(Path::toString).collect(Collectors.joining(","))));
        }

        Process process() {
            return trader.process();
        }

        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            return trader.await(pattern, Duration.ofSeconds(120));
        }

        int port() throws InterruptedException {
            return Integer.parseInt(awaitLine(STATUS_URL).group(1));
        }
    }
}
