package dev.trader.engine.settings.schema;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one key of the configuration may hold, as the schema file describes it: either a kind's name
 * ({@code node-name = string}) or an object of attributes:
 * <pre>
 * port    { type = int, min = 0, max = 65535 }
 * trailing { type = enum, values = [none, atr, swing], ignore-case = true }
 * target-r { type = decimal, positive = true, or = [off] }
 * instruments { type = list, element { type = object, keys { id = string, ... } } }
 * rate-limit { type = map, value { type = object, keys { ... } } }
 * strategies { type = list, element { type = [string, object], keys { ... } } }
 * </pre>
 * A schema that is itself wrong (an unknown attribute, a range on a string) fails when it is read.
 *
 * @param kinds      the kinds the value may have; more than one only when their HOCON shapes differ
 * @param range      the interval of an ordered kind (each element's, for a decimal-list)
 * @param values     an enum's allowed values
 * @param ignoreCase whether an enum's values match in any case (as the code that reads them does)
 * @param or         words accepted, in any case, besides a value of the kind ({@code off} for "no target")
 * @param keys       an object's keys, by name
 * @param open       whether an object accepts keys it does not list (a library's block, not ours)
 * @param element    a list's element
 * @param value      a map's value under every id
 */
record KeySpec(List<ValueKind> kinds, Range range, List<String> values, boolean ignoreCase, List<String> or,
               Map<String, KeySpec> keys, boolean open, KeySpec element, KeySpec value) {
    private static final Set<String> ATTRIBUTES = Set.of("type", "values", "ignore-case", "min", "max", "above", "below", "positive", "or",
            "keys", "open", "element", "value");

    KeySpec {
        kinds = List.copyOf(kinds);
        values = List.copyOf(values);
        or = List.copyOf(or);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** The kind whose shape the value has, or null when none has (a wrong type). */
    ValueKind kindFor(ConfigValueType type) {
        for (ValueKind k : kinds) {
            if (k.accepts(type)) {
                return k;
            }
        }
        return null;
    }

    /** Reads the schema of the key at {@code where} (for messages about the schema itself). */
    static KeySpec parse(String where, ConfigValue node) {
        if (node.valueType() == ConfigValueType.STRING) {
            return build(where, List.of(kind(where, (String) node.unwrapped())), Map.of());
        }
        if (node.valueType() != ConfigValueType.OBJECT) {
            throw bad(where, "must be a kind's name or an object of attributes but is " + node.valueType());
        }
        Map<String, ConfigValue> attributes = new TreeMap<>(((ConfigObject) node));
        for (String a : attributes.keySet()) {
            if (!ATTRIBUTES.contains(a)) {
                throw bad(where, "has an unknown attribute '" + a + "' (known: " + String.join(", ", new TreeSet<>(ATTRIBUTES)) + ")");
            }
        }
        ConfigValue type = attributes.get("type");
        if (type == null) {
            throw bad(where, "has no type");
        }
        List<ValueKind> kinds = new ArrayList<>();
        if (type.valueType() == ConfigValueType.LIST) {
            for (Object name : (List<?>) type.unwrapped()) {
                kinds.add(kind(where, String.valueOf(name)));
            }
        } else {
            kinds.add(kind(where, String.valueOf(type.unwrapped())));
        }
        return build(where, kinds, attributes);
    }

    private static KeySpec build(String where, List<ValueKind> kinds, Map<String, ConfigValue> a) {
        if (kinds.isEmpty()) {
            throw bad(where, "has no type");
        }
        Set<ConfigValueType> shapes = EnumSet.noneOf(ConfigValueType.class);
        for (ValueKind k : kinds) {
            for (ConfigValueType t : ConfigValueType.values()) {
                if (k.accepts(t) && !shapes.add(t)) {
                    throw bad(where, "lists kinds " + kinds + " that a value of one HOCON type could both be");
                }
            }
        }
        boolean single = kinds.size() == 1;
        ValueKind kind = kinds.get(0);
        requireOnly(where, a, "values", single && kind == ValueKind.ENUM);
        requireOnly(where, a, "ignore-case", single && kind == ValueKind.ENUM);
        for (String bound : List.of("min", "max", "above", "below", "positive")) {
            requireOnly(where, a, bound, single && kind.ranged());
        }
        requireOnly(where, a, "or", single && kind.scalar());
        requireOnly(where, a, "keys", kinds.contains(ValueKind.OBJECT));
        requireOnly(where, a, "open", kinds.contains(ValueKind.OBJECT));
        requireOnly(where, a, "element", single && kind == ValueKind.LIST);
        requireOnly(where, a, "value", single && kind == ValueKind.MAP);

        List<String> values = strings(where, a.get("values"));
        if (single && kind == ValueKind.ENUM && values.isEmpty()) {
            throw bad(where, "is an enum without values");
        }
        boolean open = bool(where, a.get("open"));
        Map<String, KeySpec> keys = new LinkedHashMap<>();
        if (a.containsKey("keys")) {
            if (a.get("keys").valueType() != ConfigValueType.OBJECT) {
                throw bad(where, "keys must be an object of key schemas");
            }
            new TreeMap<>((ConfigObject) a.get("keys")).forEach((k, v) -> keys.put(k, parse(where + "." + k, v)));
        } else if (kinds.contains(ValueKind.OBJECT) && !open) {
            throw bad(where, "is an object without keys (say open = true if any key may appear)");
        }
        KeySpec element = a.containsKey("element") ? parse(where + "[]", a.get("element")) : null;
        if (single && kind == ValueKind.LIST && element == null) {
            throw bad(where, "is a list without an element schema");
        }
        KeySpec value = a.containsKey("value") ? parse(where + ".<id>", a.get("value")) : null;
        if (single && kind == ValueKind.MAP && value == null) {
            throw bad(where, "is a map without a value schema");
        }
        return new KeySpec(kinds, range(where, kind, a), values, bool(where, a.get("ignore-case")), strings(where, a.get("or")), keys, open,
                element, value);
    }

    private static Range range(String where, ValueKind kind, Map<String, ConfigValue> a) {
        Range.Bound lower = bound(where, kind, a.get("min"), true);
        Range.Bound above = bound(where, kind, a.get("above"), false);
        if (bool(where, a.get("positive"))) {
            if (above != null) {
                throw bad(where, "says both positive and above");
            }
            above = new Range.Bound(BigDecimal.ZERO, false, "0");
        }
        Range.Bound upper = bound(where, kind, a.get("max"), true);
        Range.Bound below = bound(where, kind, a.get("below"), false);
        if (lower != null && above != null || upper != null && below != null) {
            throw bad(where, "gives two lower or two upper bounds");
        }
        Range r = new Range(lower != null ? lower : above, upper != null ? upper : below);
        return r.unbounded() ? Range.ANY : r;
    }

    private static Range.Bound bound(String where, ValueKind kind, ConfigValue v, boolean inclusive) {
        if (v == null) {
            return null;
        }
        BigDecimal n = Scalars.number(kind, v).orElseThrow(() -> bad(where, "has a bound " + Scalars.shown(v) + " that is not "
                + kind.description()));
        return new Range.Bound(n, inclusive, Scalars.text(v));
    }

    private static void requireOnly(String where, Map<String, ConfigValue> a, String attribute, boolean allowed) {
        if (a.containsKey(attribute) && !allowed) {
            throw bad(where, "has '" + attribute + "', which its type does not take");
        }
    }

    private static ValueKind kind(String where, String name) {
        return ValueKind.named(name).orElseThrow(() -> bad(where, "has an unknown type '" + name + "'"));
    }

    private static List<String> strings(String where, ConfigValue v) {
        if (v == null) {
            return List.of();
        }
        if (v.valueType() != ConfigValueType.LIST) {
            throw bad(where, "must give a list of words but gives " + Scalars.shown(v));
        }
        return ((List<?>) v.unwrapped()).stream().map(String::valueOf).toList();
    }

    private static boolean bool(String where, ConfigValue v) {
        if (v == null) {
            return false;
        }
        if (v.valueType() != ConfigValueType.BOOLEAN) {
            throw bad(where, "must give true or false but gives " + Scalars.shown(v));
        }
        return (Boolean) v.unwrapped();
    }

    private static IllegalStateException bad(String where, String problem) {
        return new IllegalStateException("schema: " + where + " " + problem);
    }
}
