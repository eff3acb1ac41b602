package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The body of {@code POST /api/risk/clear-halt}: {@code {"reason": "..."}}, why the operator lifts
 * the halt (journaled and logged with it). Parsed strictly: {@code reason} is required, a string
 * of 1 to 200 characters that is not blank and has no control characters (it goes to the log as
 * one line), and no other field is allowed.
 */
record ClearHaltRequest(String reason) {
    static final int MAX_REASON = 200;
    private static final String EXAMPLE = "{\"reason\": \"floor breach reviewed with the desk\"}";

    static ClearHaltRequest parse(String body) {
        JsonNode node = StrictJson.object(body, Set.of("reason"), EXAMPLE);
        return new ClearHaltRequest(reason(node.get("reason")));
    }

    /** An operator's reason, as every operator request takes it: 1 to 200 characters, not blank, one line. */
    static String reason(JsonNode reason) {
        if (reason == null || !reason.isTextual()) {
            throw new IllegalArgumentException("\"reason\" must be a string of 1 to " + MAX_REASON + " characters but was "
                    + (reason == null ? "missing" : reason.toString()));
        }
        String text = reason.textValue();
        int length = text.codePointCount(0, text.length());
        if (text.isBlank() || length > MAX_REASON) {
            throw new IllegalArgumentException("\"reason\" must be 1 to " + MAX_REASON + " characters (not blank) but had " + length);
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("\"reason\" must not contain control characters (line breaks, tabs)");
        }
        return text;
    }
}
