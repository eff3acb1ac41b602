package dev.trader.engine.readmodel.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the next page starts: after the row with this event time and id, in the kind's order
 * (newest first, then id descending). Rows are found by their keys, not counted, so rows written
 * after the first page (newer, or older) neither repeat nor shift the pages that follow. Opaque to
 * clients: URL-safe base64 of {@code <kind>|<time>|<id>}.
 */
public record Cursor(ReadKind kind, Instant time, String id) {
    public Cursor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind.code() + "|" + time + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} stands for, which must be one a {@code kind} query gave out; the message names the parameter {@code cursor}. */
    public static Cursor decode(ReadKind kind, String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: '" + text + "' is not a cursor a page gave out", e);
        }
        String[] parts = plain.split("\\|", 3);
        ReadKind given = parts.length == 3 ? ReadKind.ofCode(parts[0]) : null;
        if (given == null || parts[2].isEmpty()) {
            throw new IllegalArgumentException("cursor: '" + text + "' is not a cursor a page gave out");
        }
        if (given != kind) {
            throw new IllegalArgumentException("cursor: '" + text + "' belongs to the " + given.name().toLowerCase(Locale.ROOT) + ", not the "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        try {
            return new Cursor(kind, Instant.parse(parts[1]), parts[2]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cursor: '" + text + "' is not a cursor a page gave out", e);
        }
    }
}
