package dev.trader.marketdata;

import java.util.Objects;

/**
 * A row that did not become a bar, and why. The stream goes on after it.
 *
 * @param source the file name the row came from
 * @param line   the 1-based line of a CSV file, or the 1-based position of the candle in a
 *               JSON array
 * @param reason a stable snake_case code, one of {@link RejectReason#code()}
 * @param detail a human-readable explanation naming the offending value
 * @param raw    the row as read, cut to {@value #MAX_RAW_CHARS} characters so that a
 *               runaway line cannot flood logs
 */
public record Rejection(String source, long line, String reason, String detail, String raw) implements FeedItem {
    /** Longest {@link #raw} kept; longer rows end in an ellipsis. */
    public static final int MAX_RAW_CHARS = 200;

    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_RAW_CHARS) {
            raw = raw.substring(0, MAX_RAW_CHARS) + "…";
        }
    }

    /** A rejection with a reason from the closed set of {@link RejectReason}s. */
    public static Rejection of(String source, long line, RejectReason reason, String detail, String raw) {
        return new Rejection(source, line, reason.code(), detail, raw);
    }
}
