package dev.trader.engine.settings.schema;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Walks one configuration subtree against its {@link KeySpec} and collects every problem, so that
 * one boot reports them all instead of the first. A null value counts as unset: the settings code
 * decides whether the key is required (an optional {@code ${?ENV}} that is not set leaves no key).
 */
final class SchemaValidator {
    private final List<ConfigProblem> problems = new ArrayList<>();

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    void check(String path, KeySpec spec, ConfigValue v) {
        if (v.valueType() == ConfigValueType.NULL) {
            return;
        }
        ValueKind kind = spec.kindFor(v.valueType());
        if (kind == null) {
            wrongType(path, spec, v);
            return;
        }
        if (isWord(spec, v)) {
            return;
        }
        switch (kind) {
            case STRING, ANY -> {
            }
            case INT, LONG, DECIMAL, DURATION, BYTES -> number(path, spec, kind, v);
            case BOOLEAN -> {
                if (!Scalars.isBoolean(v)) {
                    wrongType(path, spec, v);
                }
            }
            case ENUM -> oneOf(path, spec, v);
            case DECIMAL_LIST -> decimals(path, spec, v);
            case STRING_LIST -> strings(path, (ConfigList) v);
            case LIST -> {
                ConfigList list = (ConfigList) v;
                for (int i = 0; i < list.size(); i++) {
                    check(path + "." + i, spec.element(), list.get(i));
                }
            }
            case OBJECT -> object(path, spec, (ConfigObject) v);
            case MAP -> new TreeMap<>((ConfigObject) v).forEach((id, child) -> check(child(path, id), spec.value(), child));
        }
    }

    private void object(String path, KeySpec spec, ConfigObject object) {
        new TreeMap<>(object).forEach((key, child) -> {
            KeySpec childSpec = spec.keys().get(key);
            if (childSpec != null) {
                check(child(path, key), childSpec, child);
            } else if (!spec.open()) {
                Optional<String> meant = DidYouMean.closest(key, spec.keys().keySet());
                add(child(path, key), "unknown key" + meant.map(m -> " (did you mean " + child(path, m) + "?)").orElse(""));
            }
        });
    }

    private void number(String path, KeySpec spec, ValueKind kind, ConfigValue v) {
        Optional<BigDecimal> n = Scalars.number(kind, v);
        if (n.isEmpty()) {
            wrongType(path, spec, v);
        } else if (!spec.range().contains(n.get())) {
            add(path, "must be " + kind.description() + " " + spec.range().describe() + " but was " + Scalars.shown(v));
        }
    }

    private void oneOf(String path, KeySpec spec, ConfigValue v) {
        String text = Scalars.text(v);
        boolean allowed = spec.values().stream().anyMatch(a -> spec.ignoreCase() ? a.equalsIgnoreCase(text) : a.equals(text));
        if (!allowed) {
            add(path, "must be one of " + spec.values() + " but was " + Scalars.shown(v));
        }
    }

    /** {@code [1, 2]}, or the risk module's {@code "1, 2"}; the range applies to each number. */
    private void decimals(String path, KeySpec spec, ConfigValue v) {
        List<ConfigValue> items = new ArrayList<>();
        if (v.valueType() == ConfigValueType.LIST) {
            items.addAll((ConfigList) v);
        } else {
            for (String part : Scalars.text(v).split(",")) {
                if (!part.isBlank()) {
                    items.add(ConfigValueFactory.fromAnyRef(part.trim()));
                }
            }
        }
        for (ConfigValue item : items) {
            Optional<BigDecimal> n = item.valueType() == ConfigValueType.LIST || item.valueType() == ConfigValueType.OBJECT ? Optional.empty()
                    : Scalars.number(ValueKind.DECIMAL_LIST, item);
            if (n.isEmpty()) {
                add(path, "wrong type: expected " + ValueKind.DECIMAL_LIST.description() + " but has " + Scalars.shown(item));
                return;
            }
            if (!spec.range().contains(n.get())) {
                add(path, "must list decimal numbers " + spec.range().describe() + " but has " + Scalars.text(item).trim());
                return;
            }
        }
    }

    private void strings(String path, ConfigList list) {
        for (int i = 0; i < list.size(); i++) {
            if (!ValueKind.STRING.accepts(list.get(i).valueType())) {
                add(path + "." + i, "wrong type: expected a string but was " + Scalars.shown(list.get(i)));
            }
        }
    }

    private static boolean isWord(KeySpec spec, ConfigValue v) {
        if (spec.or().isEmpty() || v.valueType() != ConfigValueType.STRING) {
            return false;
        }
        String text = Scalars.text(v).trim();
        return spec.or().stream().anyMatch(w -> w.equalsIgnoreCase(text));
    }

    private void wrongType(String path, KeySpec spec, ConfigValue v) {
        add(path, "wrong type: expected " + expected(spec) + " but was " + Scalars.shown(v));
    }

    /** "a duration", "a string or an object", "a decimal number or \"off\"". */
    private static String expected(KeySpec spec) {
        String kinds = spec.kinds().stream().map(k -> k == ValueKind.ENUM ? "one of " + spec.values() : k.description())
                .collect(Collectors.joining(" or "));
        String words = spec.or().stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" or "));
        return words.isEmpty() ? kinds : kinds + " or " + words;
    }

    /** {@code trader.risk.news.currencies."binance:BTCUSDT"}: a key that is not a plain word is quoted, as HOCON needs it. */
    private static String child(String path, String key) {
        return path + "." + ConfigUtil.joinPath(key);
    }

    private void add(String path, String reason) {
        problems.add(new ConfigProblem(path, reason));
    }
}
