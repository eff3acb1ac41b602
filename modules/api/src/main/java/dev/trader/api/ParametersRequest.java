package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /api/strategies/{id}/parameters}: {@code {"parameters": {"fast": 9}}}, the
 * parameters to change (the others stay as they are). Values are what the strategy's configuration
 * takes: numbers, strings, booleans, lists and objects; never null. Whether a value is allowed is the
 * strategy's to say (its type checks keys and ranges), not this parse's.
 */
record ParametersRequest(Map<String, Object> parameters) {
    static final String EXAMPLE = "{\"parameters\": {\"fast\": 9, \"slow\": 21}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    static ParametersRequest parse(String body) {
        JsonNode node = StrictJson.object(body, Set.of("parameters"), EXAMPLE);
        JsonNode p = node.get("parameters");
        if (p == null || !p.isObject() || p.isEmpty()) {
            throw new IllegalArgumentException("\"parameters\" must be an object naming at least one parameter, such as " + EXAMPLE);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.properties()) {
            noNulls("parameters." + e.getKey(), e.getValue());
            values.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
        }
        return new ParametersRequest(Map.copyOf(values));
    }

    private static void noNulls(String path, JsonNode value) {
        if (value.isNull()) {
            throw new IllegalArgumentException(path + " is null: name a value, or leave the parameter out to keep it");
        }
        if (value.isObject()) {
            value.properties().forEach(e -> noNulls(path + "." + e.getKey(), e.getValue()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                noNulls(path + "." + i, value.get(i));
            }
        }
    }
}
