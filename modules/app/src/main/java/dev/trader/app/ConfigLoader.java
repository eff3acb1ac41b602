package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the node's configuration: command-line overrides, then an optional overlay file
 * (e.g. {@code conf/postgres.conf}), then {@code application.conf} from the classpath (which
 * is {@code conf/}), then the libraries' defaults. Environment variables are substituted.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static Config load(Path overlay, Map<String, Object> overrides) {
        try {
            Config base;
            if (overlay == null) {
                base = ConfigFactory.parseResources("application.conf");
            } else {
                if (!Files.isRegularFile(overlay)) {
                    throw new SettingsException("--config " + overlay + " is not a readable file");
                }
                base = ConfigFactory.parseFile(overlay.toFile());
            }
            return ConfigFactory.load(ConfigFactory.parseMap(overrides).withFallback(base));
        } catch (ConfigException e) {
            throw new SettingsException("configuration is invalid: " + e.getMessage(), e);
        }
    }
}
