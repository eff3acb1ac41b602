package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The body of {@code POST /api/governor/self-report}: {@code {"state": 3}}, the trader's state
 * from 1 (worst) to 5 (best). Parsed strictly: an integer literal within 1..5 and nothing else
 * (no other fields, no {@code 3.0}, no {@code "3"}).
 */
record SelfReportRequest(int state) {
    private static final String EXAMPLE = "{\"state\": 3} (an integer from 1, worst, to 5, best)";

    static SelfReportRequest parse(String body) {
        JsonNode node = StrictJson.object(body, Set.of("state"), EXAMPLE);
        JsonNode state = node.get("state");
        if (state == null || !state.isIntegralNumber() || !state.canConvertToInt() || state.intValue() < 1 || state.intValue() > 5) {
            throw new IllegalArgumentException("\"state\" must be an integer from 1 to 5 but was " + (state == null ? "missing" : state.toString()));
        }
        return new SelfReportRequest(state.intValue());
    }
}
