package dev.trader.strategy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A strategy's parameters as given in configuration, read with validation: an unknown key,
 * a missing key or an out-of-range value fails naming the key.
 */
public final class StrategyParameters {
    private final String owner;
    private final Map<String, String> values;

    public StrategyParameters(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = new TreeMap<>(values);
    }

    public int intIn(String key, int defaultValue, int min, int max) {
        String text = values.get(key);
        if (text == null) {
            return defaultValue;
        }
        final int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new StrategyConfigException(owner + "." + key + " must be a whole number but was '" + text + "'");
        }
        if (value < min || value > max) {
            throw new StrategyConfigException(owner + "." + key + " must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }

    /** Fails if any given key is not one of {@code known}: a typo must not silently fall back to a default. */
    public void requireOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new StrategyConfigException(owner + " has unknown parameter(s) " + unknown + "; known are " + new TreeSet<>(known));
        }
    }
}
