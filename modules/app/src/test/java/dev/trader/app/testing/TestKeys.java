package dev.trader.app.testing;

import dev.trader.api.security.ApiKeys;
import java.util.List;
import java.util.Map;

/** API keys a test configures in {@code trader.api.keys}: made up, their secret kept for the test's requests. */
public final class TestKeys {
    private TestKeys() {
    }

    /** A new key {@code id}: its whole key goes into {@code keys} under its id; answers the entry to configure. */
    public static Map<String, Object> configured(Map<String, String> keys, String id, String role, List<String> accounts, List<String> strategies) {
        ApiKeys.NewKey k = ApiKeys.generate(id);
        keys.put(id, k.key());
        return Map.of("id", id, "role", role, "sha256", k.sha256(), "accounts", accounts, "strategies", strategies);
    }
}
