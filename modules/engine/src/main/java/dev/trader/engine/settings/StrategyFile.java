package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/** One strategy's HOCON file, {@code strategies/<name>.conf}, read from a folder or the classpath. */
record StrategyFile(String location, Config config) {

    static StrategyFile load(String name, Path dir) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new SettingsException("trader.strategies names '" + name + "', which is not a strategy file name");
        }
        try {
            if (dir != null) {
                Path file = dir.resolve(name + ".conf");
                if (!Files.isRegularFile(file)) {
                    throw new SettingsException("trader.strategies names '" + name + "' but " + file + " does not exist");
                }
                return new StrategyFile(file.toString(), ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)).resolve());
            }
            String resource = "strategies/" + name + ".conf";
            if (StrategyFile.class.getClassLoader().getResource(resource) == null) {
                throw new SettingsException("trader.strategies names '" + name + "' but there is no " + resource + " in conf/");
            }
            return new StrategyFile(resource, ConfigFactory.parseResources(resource, ConfigParseOptions.defaults().setAllowMissing(false)).resolve());
        } catch (ConfigException e) {
            throw new SettingsException("strategy file for '" + name + "' is invalid: " + e.getMessage(), e);
        }
    }
}
