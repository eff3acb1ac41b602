package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.id.StrategyId;
import java.util.Set;

/**
 * The body of {@code POST /api/kill-switch}: {@code {"on": true|false, "strategy": "ema-cross"}},
 * {@code strategy} optional (absent or null: the global switch). Parsed strictly: anything else
 * (unknown or duplicate fields, a non-boolean {@code on}, trailing data) is refused with a message
 * saying what is wrong, because a kill switch that silently did something else is worse than none.
 */
record KillSwitchRequest(boolean on, String strategy) {
    private static final Set<String> FIELDS = Set.of("on", "strategy");

    static KillSwitchRequest parse(String body) {
        JsonNode node = StrictJson.object(body, FIELDS, "{\"on\": true} or {\"on\": false, \"strategy\": \"ema-cross\"}");
        JsonNode on = node.get("on");
        if (on == null || !on.isBoolean()) {
            throw new IllegalArgumentException("\"on\" must be true or false but was " + (on == null ? "missing" : on.toString()));
        }
        JsonNode strategy = node.get("strategy");
        if (strategy == null || strategy.isNull()) {
            return new KillSwitchRequest(on.booleanValue(), null);
        }
        if (!strategy.isTextual()) {
            throw new IllegalArgumentException("\"strategy\" must be a strategy id (a string) or null but was " + strategy);
        }
        return new KillSwitchRequest(on.booleanValue(), new StrategyId(strategy.textValue()).value());
    }
}
