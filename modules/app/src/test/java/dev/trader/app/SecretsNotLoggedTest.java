package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.TestNodes;
import dev.trader.app.testing.TraderProcess;
import dev.trader.execution.sim.stream.ListenKeys;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import dev.trader.api.security.ApiKeys;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret, key or token reaches a log, the console's or the JSON file's, exceptions included. Two
 * runs of {@code bin/trader}, each in its own JVM with the production {@code conf/logback.xml} and
 * made-up values in {@code BINANCE_API_KEY}, {@code BINANCE_API_SECRET}, {@code TRADER_PG_PASSWORD} and {@code TRADER_API_KEY}:
 * the demo through a misbehaving exchange simulator ({@code conf/exchange-faults.conf}: lost answers,
 * 5xx, unknown orders, a cut user stream, the paths that log warnings and errors), and a node on
 * PostgreSQL that cannot reach its database (the error and its stack trace). Neither shows a key, a
 * secret, a password, a listen key (the bearer token of the user-data stream) or a signed request's
 * signature.
 */
class SecretsNotLoggedTest {
    @TempDir
    Path workDir;

    @Test
    void noKeySecretPasswordOrTokenAppearsInTheConsoleOrTheJsonLog() throws Exception {
        SecureRandom random = new SecureRandom();
        String key = "k" + HexFormat.of().formatHex(random.generateSeed(24));
        String secret = HexFormat.of().formatHex(random.generateSeed(32));
        String password = "pw" + HexFormat.of().formatHex(random.generateSeed(16));
        String adminKey = ApiKeys.generate("secrets-test").key();
        Map<String, String> secrets = Map.of("BINANCE_API_KEY", key, "BINANCE_API_SECRET", secret, "TRADER_PG_PASSWORD", password,
                "TRADER_API_KEY", adminKey);

        Path faults = Path.of("..", "..", "conf", "exchange-faults.conf").toAbsolutePath().normalize();
        Run demo = run(secrets, Map.of(), 180, "demo", "--config", faults.toString(), "--port", "0", "--exit-when-done",
                "--data", TestNodes.FIXTURES.stream().map(Path::toString).collect(Collectors.joining(",")));
        assertEquals(0, demo.exitCode(), demo.console());
        assertTrue(demo.console().contains("ledger check: our orders, fills and balances equal"), "the demo traded to the end");
        for (String path : List.of("UNKNOWN at binance", "user stream lost", "accepted by Binance")) {
            assertTrue(demo.everything().contains(path), "the run went through '" + path + "': "
                    + demo.console().lines().filter(l -> l.contains("WARN") || l.startsWith("faults")).limit(40).toList());
        }

        Run unreachable = run(secrets, Map.of("TRADER_PG_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/trader", "TRADER_PG_USER", "trader"),
                60, "run", "--config", Path.of("..", "..", "conf", "postgres.conf").toAbsolutePath().normalize().toString(), "--port", "0");
        assertNotEquals(0, unreachable.exitCode(), "the node cannot start without its database: " + unreachable.console());
        assertTrue(unreachable.json().contains("\"stack_trace\""), "the failure was logged with its exception: " + unreachable.everything());

        long seed = ConfigLoader.load(faults, Map.of()).getLong("trader.exchange-sim.simulator.seed");
        for (Run r : List.of(demo, unreachable)) {
            String all = r.everything();
            assertFalse(all.contains(key), "the API key appears in the logs");
            assertFalse(all.contains(secret), "the API secret appears in the logs");
            assertFalse(all.contains(secret.substring(0, 16)), "part of the API secret appears in the logs");
            assertFalse(all.contains(password), "the database password appears in the logs");
            assertFalse(all.contains(adminKey.substring(adminKey.lastIndexOf('_') + 1)), "the admin API key appears in the logs");
            assertFalse(all.contains("signature="), "a signed query string appears in the logs");
            for (String listenKey : listenKeys(seed, 5)) {
                assertFalse(all.contains(listenKey), "a listen key appears in the logs");
            }
        }
        System.out.printf("[secrets] neither key, secret, password, listen key nor signature in %d console and %d JSON lines%n",
                demo.console().lines().count() + unreachable.console().lines().count(), demo.json().lines().count() + unreachable.json().lines().count());
    }

    /** What one run printed on its console and wrote to its JSON log. */
    private record Run(int exitCode, String console, String json) {
        String everything() {
            return console + "\n" + json;
        }
    }

    private Run run(Map<String, String> secrets, Map<String, String> more, int seconds, String... args) throws Exception {
        Path dir = Files.createTempDirectory(workDir, args[0]);
        Map<String, String> env = new HashMap<>(secrets);
        env.putAll(more);
        env.put("TRADER_DATA_DIR", dir.resolve("data").toString());
        env.put("TRADER_LOG_DIR", dir.resolve("logs").toString());
        env.put("TRADER_REMOTE_PORT", "0");
        TraderProcess p = TraderProcess.start(List.of(TraderProcess.PRODUCTION_LOGGING), env, args);
        try {
            assertTrue(p.awaitExit(Duration.ofSeconds(seconds)), "bin/trader " + args[0] + " ends by itself: " + p.tail(40));
        } finally {
            p.process().destroyForcibly();
        }
        Path json = dir.resolve("logs").resolve("trader.json");
        return new Run(p.process().exitValue(), String.join("\n", p.lines()), Files.exists(json) ? Files.readString(json) : "");
    }

    /** The first listen keys the simulator hands out: its keys come from its seed, so a test can know them without reading them. */
    private static List<String> listenKeys(long seed, int n) {
        ListenKeys keys = new ListenKeys(Duration.ofMillis(1), seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(keys.create(i * 10L));
        }
        return out;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
