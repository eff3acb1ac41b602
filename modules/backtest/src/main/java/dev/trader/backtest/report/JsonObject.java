package dev.trader.backtest.report;

import dev.trader.backtest.SummaryJsonWriter;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object built key by key, written with its keys in the order they were put, two-space
 * indents and LF line ends: deterministic text for {@code summary.json} and the research files.
 * Values are JSON text (see the static helpers), nested objects, or lists of either.
 */
public final class JsonObject {
    private final List<Map.Entry<String, Object>> fields = new ArrayList<>();

    public JsonObject put(String key, String json) {
        fields.add(Map.entry(key, json));
        return this;
    }

    public JsonObject put(String key, JsonObject object) {
        fields.add(Map.entry(key, object));
        return this;
    }

    public JsonObject put(String key, List<?> array) {
        fields.add(Map.entry(key, List.copyOf(array)));
        return this;
    }

    /** The keys with their values rendered for an object whose keys sit at {@code indent} levels (the values' own lines deeper). */
    public List<Map.Entry<String, String>> renderedFields(int indent) {
        List<Map.Entry<String, String>> out = new ArrayList<>(fields.size());
        for (Map.Entry<String, Object> f : fields) {
            StringBuilder b = new StringBuilder();
            render(b, f.getValue(), indent);
            out.add(Map.entry(f.getKey(), b.toString()));
        }
        return out;
    }

    /** The whole object, ending in a line end. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        render(b, this, 0);
        return b.append('\n').toString();
    }

    private static void render(StringBuilder b, Object value, int indent) {
        if (value instanceof String s) {
            b.append(s);
        } else if (value instanceof JsonObject o) {
            if (o.fields.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            for (int i = 0; i < o.fields.size(); i++) {
                Map.Entry<String, Object> f = o.fields.get(i);
                pad(b, indent + 1).append(string(f.getKey())).append(": ");
                render(b, f.getValue(), indent + 1);
                b.append(i + 1 < o.fields.size() ? ",\n" : "\n");
            }
            pad(b, indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                b.append("[]");
                return;
            }
            boolean scalars = list.stream().allMatch(v -> v instanceof String);
            if (scalars) {
                b.append('[').append(String.join(", ", list.stream().map(String.class::cast).toList())).append(']');
                return;
            }
            b.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                pad(b, indent + 1);
                render(b, list.get(i), indent + 1);
                b.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            pad(b, indent).append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    private static StringBuilder pad(StringBuilder b, int indent) {
        for (int i = 0; i < indent; i++) {
            b.append("  ");
        }
        return b;
    }

    // ---- JSON text of scalars ----

    public static String string(String s) {
        return s == null ? "null" : SummaryJsonWriter.quote(s);
    }

    /** An exact amount as a plain decimal. */
    public static String money(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    public static String decimal(BigDecimal d) {
        return d == null ? "null" : d.toPlainString();
    }

    /** A ratio rounded half-even to 6 decimals, trailing zeros dropped; {@code null} when not a finite number. */
    public static String ratio(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        BigDecimal r = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    public static String integer(long n) {
        return Long.toString(n);
    }

    public static String bool(boolean b) {
        return Boolean.toString(b);
    }
}
