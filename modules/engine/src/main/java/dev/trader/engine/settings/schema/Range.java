package dev.trader.engine.settings.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The allowed interval of an ordered value, from the schema's {@code min}, {@code above} (exclusive),
 * {@code max}, {@code below} (exclusive) and {@code positive} (above 0). Bounds are numbers of the
 * key's kind ({@link Scalars#number}); their text is kept as the schema wrote it, for messages.
 */
record Range(Bound lower, Bound upper) {
    static final Range ANY = new Range(null, null);

    /** One end of the interval; {@code text} as written in the schema ({@code 1ms}, {@code 0.05}). */
    record Bound(BigDecimal value, boolean inclusive, String text) {
    }

    boolean unbounded() {
        return lower == null && upper == null;
    }

    boolean contains(BigDecimal v) {
        if (lower != null && (lower.inclusive() ? v.compareTo(lower.value()) < 0 : v.compareTo(lower.value()) <= 0)) {
            return false;
        }
        return upper == null || (upper.inclusive() ? v.compareTo(upper.value()) <= 0 : v.compareTo(upper.value()) < 0);
    }

    /** "between 1 and 65535", "above 0 and at most 1", "at least 0". */
    String describe() {
        if (lower != null && upper != null && lower.inclusive() && upper.inclusive()) {
            return "between " + lower.text() + " and " + upper.text();
        }
        List<String> parts = new ArrayList<>();
        if (lower != null) {
            parts.add((lower.inclusive() ? "at least " : "above ") + lower.text());
        }
        if (upper != null) {
            parts.add((upper.inclusive() ? "at most " : "below ") + upper.text());
        }
        return String.join(" and ", parts);
    }
}
