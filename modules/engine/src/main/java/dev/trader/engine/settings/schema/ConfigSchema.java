package dev.trader.engine.settings.schema;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import dev.trader.engine.settings.SettingsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The schema of our settings ({@code conf/schema/trader-schema.conf}): every key under {@code trader}
 * with its type and range, checked at boot before any settings record reads the configuration, so an
 * unknown key, a wrong type or a value out of range stops the boot with every problem named at once.
 * The settings records still check what a schema cannot say (one key against another, a file that
 * must exist, a strategy's parameters).
 *
 * <p>Each top-level key of the schema file is a path of the configuration ({@code trader}, or a quoted
 * {@code "pekko-persistence-jdbc.shared-databases.slick"}) and the schema of the subtree there; a path
 * the configuration does not have is not checked.
 */
public final class ConfigSchema {
    /** The shipped schema on the node's classpath (which is {@code conf/}). */
    public static final String RESOURCE = "schema/trader-schema.conf";

    private final String source;
    private final Map<String, KeySpec> roots;

    private ConfigSchema(String source, Map<String, KeySpec> roots) {
        this.source = source;
        this.roots = roots;
    }

    /** The schema {@code schema} read from {@code source} (named in messages); a schema that is itself wrong fails here. */
    public static ConfigSchema parse(String source, Config schema) {
        Map<String, KeySpec> roots = new LinkedHashMap<>();
        new TreeMap<String, ConfigValue>(schema.root()).forEach((path, node) -> roots.put(path, KeySpec.parse(source + ": " + path, node)));
        return new ConfigSchema(source, roots);
    }

    /** The shipped schema, {@code conf/schema/trader-schema.conf}, from the classpath. */
    public static ConfigSchema shipped() {
        return parse("conf/" + RESOURCE, read(() -> ConfigFactory.parseResources(ConfigSchema.class.getClassLoader(), RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false))));
    }

    /** A schema file; for tests and tools that are not on the node's classpath. */
    public static ConfigSchema fromFile(Path file) {
        return parse(file.toString(), read(() -> ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))));
    }

    /** Every problem of the resolved {@code config}, in key order; empty when it follows the schema. */
    public List<ConfigProblem> problems(Config config) {
        SchemaValidator validator = new SchemaValidator();
        roots.forEach((path, spec) -> {
            if (config.hasPath(path)) {
                validator.check(path, spec, config.getValue(path));
            }
        });
        return validator.problems();
    }

    /** Stops the boot when {@code config} breaks the schema, with one line per problem. */
    public void check(Config config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems.size() + " configuration problem" + (problems.size() == 1 ? "" : "s") + " (the schema is "
                    + source + "):" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        }
    }

    private static Config read(java.util.function.Supplier<Config> parse) {
        try {
            return parse.get().resolve();
        } catch (ConfigException e) {
            throw new IllegalStateException("the configuration schema cannot be read: " + e.getMessage(), e);
        }
    }
}
