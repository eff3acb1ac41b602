package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The demo through the Binance-compatible exchange simulator with entries executed by TWAP
 * ({@code TRADER_EXECUTION_ALGO=twap}, the shipped slices and threshold): every child goes over the
 * signed REST API under its own client order id, its fills come back on the user-data stream, and
 * at the end the node's orders, fills and balances equal the simulator's ledger (the parent's own id
 * never reaches the exchange).
 */
class SimulatorDemoTwapTest {
    private static final Pattern LEDGER = Pattern.compile("ledger check: our orders, fills and balances equal the exchange's ledger \\((\\d+) orders, (\\d+) trades\\)");
    private static final Pattern CHILD_ACCEPTED = Pattern.compile("(t[0-9a-f]{32})-0[1-9] .*accepted by Binance");

    @TempDir
    Path workDir;

    @Test
    void childOrdersTradeThroughTheSimulatorAndTheBooksEqualItsLedger() throws Exception {
        SecureRandom random = new SecureRandom();
        Map<String, String> env = new HashMap<>();
        env.put("TRADER_DATA_DIR", workDir.resolve("data").toString());
        env.put("TRADER_REMOTE_PORT", "0");
        env.put("BINANCE_API_KEY", "k" + HexFormat.of().formatHex(random.generateSeed(24)));
        env.put("BINANCE_API_SECRET", HexFormat.of().formatHex(random.generateSeed(32)));
        env.put("TRADER_EXECUTION_ALGO", "twap");
        TraderProcess demo = TraderProcess.start(env, "demo", "--port", "0", "--exit-when-done",
                "--data", TestNodes.FIXTURES.stream().map(Path::toString).collect(Collectors.joining(",")));
        Process p = demo.process();
        try {
            assertTrue(demo.awaitExit(Duration.ofSeconds(240)), "the demo ends by itself");
        } finally {
            p.destroyForcibly();
        }
        String out = String.join("\n", demo.lines());
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains(" INFO ")).collect(Collectors.joining("\n")));

        assertTrue(out.contains("TWAP: 5 slice(s) over 10 bar(s)"), "entries became parent orders");
        Matcher child = CHILD_ACCEPTED.matcher(out);
        assertTrue(child.find(), "children went to the exchange under their own ids: "
                + out.lines().filter(l -> l.contains("accepted by Binance")).limit(5).toList());
        Matcher ledger = LEDGER.matcher(out);
        assertTrue(ledger.find(), "books equal the ledger: " + out.lines().filter(l -> l.startsWith("ledger") || l.startsWith("  ")).toList());
        System.out.printf("[demo with TWAP through the simulator] %s%n", ledger.group());
    }
}
