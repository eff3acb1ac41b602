package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.settings.SettingsException;
import dev.trader.engine.settings.schema.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the node's configuration: command-line overrides, then an optional overlay file
 * (e.g. {@code conf/postgres.conf}), then {@code application.conf} from the classpath (which
 * is {@code conf/}), then the libraries' defaults. Environment variables are substituted.
 * The result is checked against {@code conf/schema/trader-schema.conf} before anything reads it:
 * every command that loads the node's configuration stops on an unknown key, a wrong type or a
 * value out of range, with all of them named.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Read once: the schema is part of the build, not of the configuration a command is given. */
    private static final class Schema {
        static final ConfigSchema SHIPPED = ConfigSchema.shipped();
    }

    public static Config load(Path overlay, Map<String, Object> overrides) {
        Config config;
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
            config = ConfigFactory.load(ConfigFactory.parseMap(overrides).withFallback(base));
        } catch (ConfigException e) {
            throw new SettingsException("configuration is invalid: " + e.getMessage(), e);
        }
        Schema.SHIPPED.check(config);
        return config;
    }
}
