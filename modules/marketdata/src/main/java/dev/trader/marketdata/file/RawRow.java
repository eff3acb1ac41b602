package dev.trader.marketdata.file;

import java.util.List;
import java.util.Objects;

/**
 * One data row as read from a file, before any value is interpreted: either its six candle
 * values or the reason it has no such shape.
 */
public sealed interface RawRow permits RawRow.Values, RawRow.Malformed {

    /** The 1-based line of a CSV file, or the 1-based position of the candle in a JSON array. */
    long line();

    /** The row as read, for reports. */
    String raw();

    /**
     * A row with the expected number of columns.
     *
     * @param values exactly six texts: open time, open, high, low, close, volume
     */
    record Values(long line, List<String> values, String raw) implements RawRow {
        public Values {
            values = List.copyOf(values);
            if (values.size() != 6) {
                throw new IllegalArgumentException("a candle row has 6 values but got " + values.size());
            }
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** A row whose shape is wrong (column count, truncated, overlong, not an array). */
    record Malformed(long line, String raw, String problem) implements RawRow {
        public Malformed {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
