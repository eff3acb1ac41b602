package dev.trader.strategy;

import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.builtin.BollingerBreakoutStrategy;
import dev.trader.strategy.builtin.R1Strategy;
import dev.trader.strategy.builtin.RsiReversionStrategy;
import dev.trader.strategy.builtin.SmcConfluenceStrategy;
import dev.trader.strategy.builtin.VwapReversionStrategy;
import dev.trader.strategy.combine.CompositeStrategy;
import dev.trader.strategy.route.RouterStrategy;
import dev.trader.strategy.emacross.EmaCrossStrategy;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** Builds strategies by type name from configuration. */
public final class StrategyCatalog {
    private static final Map<String, BiFunction<StrategyId, StrategyParameters, Strategy>> BUILT_IN = Map.of(
            EmaCrossStrategy.TYPE, EmaCrossStrategy::fromParameters,
            CompositeStrategy.TYPE, CompositeStrategy::fromParameters,
            R1Strategy.TYPE, R1Strategy::fromParameters,
            RsiReversionStrategy.TYPE, RsiReversionStrategy::fromParameters,
            BollingerBreakoutStrategy.TYPE, BollingerBreakoutStrategy::fromParameters,
            VwapReversionStrategy.TYPE, VwapReversionStrategy::fromParameters,
            SmcConfluenceStrategy.TYPE, SmcConfluenceStrategy::fromParameters,
            RouterStrategy.TYPE, RouterStrategy::fromParameters);
    private static final Map<String, BiFunction<StrategyId, StrategyParameters, Strategy>> TYPES = withProviders();

    private StrategyCatalog() {
    }

    /** The built-in types and those of every {@link StrategyProvider} on the classpath; a provider may not take a built-in's name. */
    private static Map<String, BiFunction<StrategyId, StrategyParameters, Strategy>> withProviders() {
        Map<String, BiFunction<StrategyId, StrategyParameters, Strategy>> all = new TreeMap<>(BUILT_IN);
        for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class, StrategyCatalog.class.getClassLoader())) {
            if (all.putIfAbsent(p.type(), p::create) != null) {
                throw new IllegalStateException("two strategy types are named '" + p.type() + "' (" + p.getClass().getName() + ")");
            }
        }
        return Map.copyOf(all);
    }

    /** Every type name a strategy file may use. */
    public static Set<String> types() {
        return new TreeSet<>(TYPES.keySet());
    }

    public static Strategy create(StrategyId id, String type, Map<String, ?> parameters) {
        return create(id, type, new StrategyParameters("strategies." + id, parameters));
    }

    /**
     * As {@link #create(StrategyId, String, Map)} with parameters that already carry their path, so that
     * errors in a strategy nested in another name the key where it is written, e.g.
     * {@code strategies.combo.sources.1.parameters.fast}.
     */
    public static Strategy create(StrategyId id, String type, StrategyParameters parameters) {
        var factory = TYPES.get(type);
        if (factory == null) {
            throw new StrategyConfigException("strategy " + id + " has unknown type '" + type + "'; known types are " + types());
        }
        return factory.apply(id, parameters);
    }
}
