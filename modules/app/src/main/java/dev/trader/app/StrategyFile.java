package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.trader.backtest.research.ParameterSet;
import dev.trader.backtest.research.StrategyFactory;
import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy file as in {@code conf/strategies/}: {@code type}, {@code instruments},
 * {@code parameters} (and {@code description}). The strategy's id is the file name without
 * {@code .conf}. As a {@link StrategyFactory} it builds the strategy with a parameter set put over
 * the file's parameters (a dotted name reaches into nested ones: {@code gate.adx-min}); it keeps
 * no mutable state, so sweeps may call it from several threads.
 */
record StrategyFile(StrategyId id, String type, Map<String, Object> parameters, List<String> instruments) implements StrategyFactory {
    StrategyFile {
        parameters = Map.copyOf(parameters);
        instruments = List.copyOf(instruments);
    }

    static StrategyFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--strategy " + file + " is not a readable file");
        }
        try {
            Config c = ConfigFactory.parseFile(file.toFile()).resolve();
            String name = String.valueOf(file.getFileName());
            StrategyId id = new StrategyId(name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name);
            Map<String, Object> parameters = c.hasPath("parameters") ? c.getConfig("parameters").root().unwrapped() : Map.of();
            List<String> instruments = c.hasPath("instruments") ? c.getStringList("instruments") : List.of();
            StrategyFile f = new StrategyFile(id, c.getString("type"), parameters, instruments);
            f.strategy(); // a file whose own parameters are wrong fails here, before any data is read
            return f;
        } catch (ConfigException e) {
            throw new IllegalArgumentException("strategy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The strategy with the file's parameters. */
    Strategy strategy() {
        return StrategyCatalog.create(id, type, parameters);
    }

    @Override
    public Strategy create(ParameterSet set) {
        Map<String, Object> merged = deepCopy(parameters);
        set.asMap().forEach((path, value) -> put(merged, path, value));
        return StrategyCatalog.create(id, type, merged);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String path, String value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            into.put(path, value);
            return;
        }
        String head = path.substring(0, dot);
        Object child = into.get(head);
        Map<String, Object> nested;
        if (child instanceof Map<?, ?> m) {
            nested = (Map<String, Object>) m;
        } else {
            nested = new TreeMap<>();
            into.put(head, nested);
        }
        put(nested, path.substring(dot + 1), value);
    }

    /** Nested maps copied (sorted by key), so that overrides never touch the file's parameters. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : v));
        return out;
    }
}
