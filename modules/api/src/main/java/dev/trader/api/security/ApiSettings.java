package dev.trader.api.security;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.trader.engine.settings.SettingsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code trader.api} (conf/api.conf): the keys (hashed), a bootstrap key from the environment
 * (admin on everything; the demo makes one up), the CORS allowlist and the per-caller rate limit.
 */
public record ApiSettings(ApiKeys keys, Set<String> allowedOrigins, double requestsPerSecond, int burst) {

    public static ApiSettings load(Config root) {
        Config c = root.getConfig("trader.api");
        try {
            List<ApiKey> keys = new ArrayList<>();
            for (Config k : c.getConfigList("keys")) {
                keys.add(new ApiKey(k.getString("id"), Role.parse(k.getString("role")), k.getString("sha256"),
                        new HashSet<>(k.getStringList("accounts")), new HashSet<>(k.getStringList("strategies"))));
            }
            String bootstrap = c.getString("bootstrap-key");
            if (!bootstrap.isEmpty()) {
                String id = ApiKeys.idOf(bootstrap).orElseThrow(() ->
                        new IllegalArgumentException("trader.api.bootstrap-key (TRADER_API_KEY) must look like trk_<id>_<secret of 16+ characters>"));
                keys.add(new ApiKey(id, Role.ADMIN, ApiKeys.sha256(ApiKeys.secretOf(bootstrap).orElseThrow()), Set.of(ApiKey.ALL), Set.of(ApiKey.ALL)));
            }
            Set<String> origins = Set.copyOf(c.getStringList("cors.allowed-origins"));
            if (origins.contains("*")) {
                throw new IllegalArgumentException("trader.api.cors.allowed-origins may not contain \"*\": list the dashboard's origins");
            }
            return new ApiSettings(new ApiKeys(keys), origins, c.getDouble("rate-limit.requests-per-second"), c.getInt("rate-limit.burst"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        } catch (ConfigException e) {
            throw new SettingsException("trader.api: " + e.getMessage(), e);
        }
    }
}
