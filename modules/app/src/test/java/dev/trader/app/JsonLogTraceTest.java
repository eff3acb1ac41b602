package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.TestNodes;
import dev.trader.app.testing.TraderProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON log of a real session: {@code bin/trader demo --venue paper} on 720 real 1m candles, in its
 * own JVM with the production {@code conf/logback.xml} and {@code TRADER_LOG_FORMAT=json}. Every line,
 * in the file and on the console, is one JSON object with the mode and the node; and one grep of a
 * filled entry's trace id shows its signal, the account's decision, the order and the fill, in that
 * order, and the exit orders of the position it opened.
 */
class JsonLogTraceTest {
    private static final String NODE = "json-log-node";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A line in conf/logback.xml's human format: the console must not print those when asked for JSON. */
    private static final Pattern TEXT_LINE = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR) ");

    @TempDir
    Path workDir;

    @Test
    void everyLineCarriesModeAndNodeAndOneGrepOfATraceIdShowsItsChainFromSignalToFill() throws Exception {
        Path logs = workDir.resolve("logs");
        Map<String, String> env = Map.of("TRADER_DATA_DIR", workDir.resolve("data").toString(), "TRADER_LOG_DIR", logs.toString(),
                "TRADER_LOG_FORMAT", "json", "TRADER_NODE_NAME", NODE, "TRADER_REMOTE_PORT", "0");
        TraderProcess demo = TraderProcess.start(List.of(TraderProcess.PRODUCTION_LOGGING), env, "demo", "--venue", "paper", "--port", "0",
                "--exit-when-done", "--data", TestNodes.FIXTURES.get(0).toString());
        try {
            assertTrue(demo.awaitExit(Duration.ofSeconds(120)), "the demo ends by itself");
        } finally {
            demo.process().destroyForcibly();
        }
        assertEquals(0, demo.process().exitValue(), demo.tail(40));

        List<String> file = Files.readAllLines(logs.resolve("trader.json"));
        assertTrue(file.size() > 50, "the session logged: " + file.size() + " lines");
        for (String line : file) {
            assertModeAndNode(line);
        }
        List<String> consoleJson = new ArrayList<>();
        for (String line : demo.lines()) {
            assertFalse(TEXT_LINE.matcher(line).find(), "TRADER_LOG_FORMAT=json: no human-format log line on the console: " + line);
            assertFalse(line.contains("|-WARN") || line.contains("|-ERROR"), "logback read its configuration without complaint: " + line);
            if (line.startsWith("{")) {
                assertModeAndNode(line);
                consoleJson.add(line);
            }
        }
        assertTrue(consoleJson.size() > 50, "the console printed the log as JSON: " + consoleJson.size() + " lines");

        // The entry's fill, then everything `grep <its trace id> trader.json` shows.
        JsonNode fill = file.stream().map(JsonLogTraceTest::parse)
                .filter(l -> logger(l).endsWith(".FillRouter") && message(l).contains(" booked: BUY ")).findFirst()
                .orElseThrow(() -> new AssertionError("an entry filled"));
        String trace = fill.path("trace_id").asText();
        assertTrue(trace.matches("t[0-9a-f]{32}"), "the fill carries its trace id: " + fill);
        List<JsonNode> chain = file.stream().filter(l -> l.contains(trace)).map(JsonLogTraceTest::parse).toList();
        for (JsonNode line : chain) {
            assertEquals(trace, line.path("trace_id").asText(), "every line the grep finds belongs to the chain: " + line);
        }
        int signal = indexOf(chain, ".StrategyEntity", "signal ");
        int decision = indexOf(chain, ".AccountEntity", "intent approved: order " + trace);
        int order = indexOf(chain, ".OrderEntity", "order " + trace + " requested");
        int filled = indexOf(chain, ".FillRouter", "fill ");
        assertTrue(signal >= 0 && signal < decision && decision < order && order < filled,
                "signal, decision, order, fill in that order: " + signal + ", " + decision + ", " + order + ", " + filled + "\n" + messages(chain));
        assertTrue(chain.get(signal).path("entity_id").asText().startsWith("Strategy|"), chain.get(signal).toString());
        assertTrue(chain.get(decision).path("entity_id").asText().startsWith("Account|"), chain.get(decision).toString());
        assertEquals("Order|" + trace, chain.get(order).path("entity_id").asText());
        // The position's exits (its protective stop at least) are orders of their own, logged under the entry's trace.
        assertTrue(chain.stream().anyMatch(l -> logger(l).endsWith(".OrderEntity") && !l.path("entity_id").asText().equals("Order|" + trace)
                && message(l).contains("reduce-only")), "the position's exit orders follow the entry's trace:\n" + messages(chain));
        System.out.printf("[json log] %d lines in the file, %d on the console; trace %s: %d lines from signal to fill and the exits%n",
                file.size(), consoleJson.size(), trace, chain.size());
    }

    private static void assertModeAndNode(String line) {
        JsonNode json = parse(line);
        assertEquals("paper", json.path("mode").asText(), line);
        assertEquals(NODE, json.path("node").asText(), line);
    }

    private static int indexOf(List<JsonNode> chain, String loggerSuffix, String messageStart) {
        for (int i = 0; i < chain.size(); i++) {
            if (logger(chain.get(i)).endsWith(loggerSuffix) && message(chain.get(i)).startsWith(messageStart)) {
                return i;
            }
        }
        return -1;
    }

    private static String messages(List<JsonNode> chain) {
        return String.join("\n", chain.stream().map(l -> logger(l) + ": " + message(l)).toList());
    }

    private static String logger(JsonNode line) {
        return line.path("logger_name").asText();
    }

    private static String message(JsonNode line) {
        return line.path("message").asText();
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            assertTrue(json != null && json.isObject(), "a JSON object: " + line);
            return json;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
