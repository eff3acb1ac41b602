package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.TestNodes;
import dev.trader.app.testing.TraderProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/trader demo} as a user runs it, in its own JVM: the node trades the real candles
 * through the exchange simulator over loopback HTTP and WebSocket with its real Binance clients,
 * and at the end its orders, fills and balances equal the simulator's ledger. The API key pair
 * comes from the environment, and neither the key nor the secret appears anywhere in the run's
 * output (every log line and every message of both sides).
 */
class SimulatorDemoTest {
    private static final Pattern TRADED = Pattern.compile("traded (\\d+) bars \\((\\d+) new\\) through the exchange simulator .*: (\\d+) signals, (\\d+) orders");
    private static final Pattern LEDGER = Pattern.compile("ledger check: our orders, fills and balances equal the exchange's ledger \\((\\d+) orders, (\\d+) trades\\)");

    @TempDir
    Path workDir;

    @Test
    void theDemoTradesThroughTheSimulatorAndItsBooksEqualTheLedgerWithoutShowingTheKeys() throws Exception {
        SecureRandom random = new SecureRandom();
        String key = "k" + HexFormat.of().formatHex(random.generateSeed(24));
        String secret = HexFormat.of().formatHex(random.generateSeed(32));
        Map<String, String> env = new HashMap<>();
        env.put("TRADER_DATA_DIR", workDir.resolve("data").toString());
        env.put("TRADER_REMOTE_PORT", "0");
        env.put("BINANCE_API_KEY", key);
        env.put("BINANCE_API_SECRET", secret);
        TraderProcess demo = TraderProcess.start(env, "demo", "--port", "0", "--exit-when-done",
                "--data", TestNodes.FIXTURES.stream().map(Path::toString).collect(Collectors.joining(",")));
        Process p = demo.process();
        try {
            assertTrue(demo.awaitExit(Duration.ofSeconds(180)), "the demo ends by itself");
        } finally {
            p.destroyForcibly();
        }
        String out = String.join("\n", demo.lines());
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains(" INFO ")).collect(Collectors.joining("\n")));

        Matcher traded = TRADED.matcher(out);
        assertTrue(traded.find(), "the result line");
        assertEquals(1440, Long.parseLong(traded.group(1)), "every replayed bar reached the node over the WebSocket");
        assertTrue(Long.parseLong(traded.group(4)) > 0, "it traded");
        Matcher ledger = LEDGER.matcher(out);
        assertTrue(ledger.find(), "books equal the ledger: " + out.lines().filter(l -> l.startsWith("ledger") || l.startsWith("  ")).toList());
        assertTrue(Long.parseLong(ledger.group(2)) > 0, "with trades to compare");
        assertTrue(out.contains("accepted by Binance"), "orders went over the signed REST API");
        assertTrue(out.contains("fill BTCUSDT-") || out.contains("fill ETHUSDT-"), "fills came back over the user-data stream");

        assertFalse(out.contains(key), "the API key appears in the output");
        assertFalse(out.contains(secret), "the API secret appears in the output");
        assertFalse(out.contains(secret.substring(0, 16)), "part of the API secret appears in the output");
        System.out.printf("[demo through the simulator] %s; %s%n", traded.group(), ledger.group());
    }
}
