package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** A body that only gives the operator's reason, such as {@code POST /api/flatten}'s: read as {@link ClearHaltRequest#reason} reads it. */
record ReasonRequest(String reason) {
    static ReasonRequest parse(String body, String example) {
        JsonNode node = StrictJson.object(body, Set.of("reason"), example);
        return new ReasonRequest(ClearHaltRequest.reason(node.get("reason")));
    }
}
