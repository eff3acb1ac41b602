package dev.trader.app.testing;

import com.typesafe.config.Config;
import dev.trader.app.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Config for nodes started inside a test JVM: free ports, the test's journal, the production conf/ for the rest. */
public final class TestNodes {
    /** Real 1m candles, 720 per instrument (see src-shared/test-data/engine/SOURCE.md). */
    public static final List<Path> FIXTURES = List.of(
            fixture("BTC_USDT-1m_20230316-first720.json.gz"),
            fixture("ETH_USDT-1m_20230316-first720.json.gz"));

    /** The admin key every test node accepts (trader.api.bootstrap-key): a test constant, not a secret. */
    public static final String ADMIN_KEY = "trk_tests_" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    public static final String AUTH = "Bearer " + ADMIN_KEY;

    private TestNodes() {
    }

    public static Path fixture(String name) {
        return Path.of("..", "..", "src-shared", "test-data", "engine", name).toAbsolutePath().normalize();
    }

    public static Config config(Map<String, Object> journal) {
        Map<String, Object> overrides = new HashMap<>(journal);
        overrides.put("pekko.remote.artery.canonical.port", 0);
        overrides.put("trader.http.port", 0);
        overrides.putIfAbsent("trader.api.bootstrap-key", ADMIN_KEY);
        // Tests poll a node far faster than an operator may; the rate limit has its own test.
        overrides.putIfAbsent("trader.api.rate-limit.requests-per-second", 100_000);
        overrides.putIfAbsent("trader.api.rate-limit.burst", 100_000);
        // No nightly export from test nodes (a test running past 00:05 UTC would write into the working directory).
        overrides.put("trader.exports.enabled", false);
        return ConfigLoader.load(null, overrides);
    }
}
