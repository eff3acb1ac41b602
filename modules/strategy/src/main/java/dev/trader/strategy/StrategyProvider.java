package dev.trader.strategy;

/**
 * A strategy type from outside this module (the ML signal strategy of the {@code ml} module),
 * found by {@link java.util.ServiceLoader} through {@code META-INF/services}: the catalog knows
 * it whenever its module is on the classpath, without this module depending on it.
 */
public interface StrategyProvider {
    /** The type name strategy files use. */
    String type();

    Strategy create(dev.trader.domain.id.StrategyId id, StrategyParameters parameters);
}
