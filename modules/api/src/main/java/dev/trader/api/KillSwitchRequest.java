package dev.trader.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.domain.id.StrategyId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/kill-switch}: {@code {"on": true|false, "strategy": "ema-cross"}},
 * {@code strategy} optional (absent or null: the global switch). Parsed strictly: anything else
 * (unknown or duplicate fields, a non-boolean {@code on}, trailing data) is refused with a message
 * saying what is wrong, because a kill switch that silently did something else is worse than none.
 */
record KillSwitchRequest(boolean on, String strategy) {
    private static final Set<String> FIELDS = Set.of("on", "strategy");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static KillSwitchRequest parse(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"on\": true} or {\"on\": false, \"strategy\": \"ema-cross\"}");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; the fields are \"on\" (required) and \"strategy\" (optional)");
        }
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
