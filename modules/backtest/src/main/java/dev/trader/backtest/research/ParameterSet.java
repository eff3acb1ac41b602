package dev.trader.backtest.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a parameter grid: names and values in the grid's order. Values are kept as the
 * text given on the command line ({@code 12}, {@code 2.5}, {@code true}); the strategy's own
 * parameter reader converts and validates them. A name may be a dotted path into nested
 * parameters ({@code gate.adx-min}).
 */
public record ParameterSet(List<String> names, List<String> values) {
    public ParameterSet {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("a parameter set needs one value per name: " + names + " = " + values);
        }
    }

    public static ParameterSet empty() {
        return new ParameterSet(List.of(), List.of());
    }

    public String value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter " + name + " in " + this);
        }
        return values.get(i);
    }

    /** The names and values in order (a fresh map, for the caller to use). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values.get(i));
        }
        return m;
    }

    /** {@code fast=12 slow=26}; {@code (defaults)} for none. */
    public String label() {
        if (names.isEmpty()) {
            return "(defaults)";
        }
        List<String> parts = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + "=" + values.get(i));
        }
        return String.join(" ", parts);
    }

    @Override
    public String toString() {
        return label();
    }

    ParameterSet with(String name, String value) {
        Objects.requireNonNull(value, "value");
        List<String> n = new ArrayList<>(names);
        List<String> v = new ArrayList<>(values);
        n.add(name);
        v.add(value);
        return new ParameterSet(n, v);
    }
}
