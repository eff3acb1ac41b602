package dev.trader.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A strategy's parameters as given in configuration (a nested map of plain values, as HOCON
 * unwraps it), read with validation: an unknown key, a missing key, a wrong type or an
 * out-of-range value fails with the full path of the key, e.g.
 * {@code strategies.combo.sources.1.parameters.fast}.
 */
public final class StrategyParameters {
    private final String owner;
    private final Map<String, Object> values;

    public StrategyParameters(String owner, Map<String, ?> values) {
        this.owner = owner;
        this.values = new TreeMap<>(values);
    }

    public String path(String key) {
        return owner + "." + key;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int intIn(String key, int defaultValue, int min, int max) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        final int value;
        try {
            value = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new StrategyConfigException(path(key) + " must be a whole number but was '" + v + "'");
        }
        if (value < min || value > max) {
            throw new StrategyConfigException(path(key) + " must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }

    public double doubleIn(String key, double defaultValue, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        final double value;
        try {
            value = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new StrategyConfigException(path(key) + " must be a number but was '" + v + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new StrategyConfigException(path(key) + " must be within " + min + ".." + max + " but was " + value);
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("on") || text.equals("yes")) {
            return true;
        }
        if (text.equals("false") || text.equals("off") || text.equals("no")) {
            return false;
        }
        throw new StrategyConfigException(path(key) + " must be true or false but was '" + v + "'");
    }

    public String string(String key, String defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            if (defaultValue == null) {
                throw new StrategyConfigException(path(key) + " is missing");
            }
            return defaultValue;
        }
        if (v instanceof Map || v instanceof List) {
            throw new StrategyConfigException(path(key) + " must be a plain value");
        }
        return String.valueOf(v).trim();
    }

    /** An enum value by its name, case-insensitive, with '-' for '_'. */
    public <E extends Enum<E>> E oneOf(String key, Class<E> type, E defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String name = String.valueOf(v).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new StrategyConfigException(path(key) + " must be one of " + known + " but was '" + v + "'");
    }

    /** A list of plain values (empty when absent). */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new StrategyConfigException(path(key) + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map || o instanceof List) {
                throw new StrategyConfigException(path(key) + " must be a list of plain values");
            }
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** A nested object; empty parameters when absent. */
    @SuppressWarnings("unchecked")
    public StrategyParameters child(String key) {
        Object v = values.get(key);
        if (v == null) {
            return new StrategyParameters(path(key), Map.of());
        }
        if (!(v instanceof Map)) {
            throw new StrategyConfigException(path(key) + " must be an object");
        }
        return new StrategyParameters(path(key), (Map<String, ?>) v);
    }

    /** A list of nested objects. */
    @SuppressWarnings("unchecked")
    public List<StrategyParameters> children(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) {
            throw new StrategyConfigException(path(key) + (v == null ? " is missing" : " must be a list of objects"));
        }
        List<StrategyParameters> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                throw new StrategyConfigException(path(key) + "." + i + " must be an object");
            }
            out.add(new StrategyParameters(path(key) + "." + i, (Map<String, ?>) list.get(i)));
        }
        return out;
    }

    /** The raw values, for handing a nested block on to another strategy's factory. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
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
