package dev.trader.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The strict reading of an operator request's body, as {@link KillSwitchRequest} does it: one
 * JSON object, no duplicate fields, no trailing data, no fields but the known ones. Every refusal
 * is an {@link IllegalArgumentException} whose message says what is wrong.
 */
public final class StrictJson {
    /** Operator requests are flat objects: anything nested deeper is refused before it costs anything. */
    static final int MAX_DEPTH = 16;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /** The body as an object with only {@code fields}; {@code example} shows a valid body in the messages. */
    public static JsonNode object(String body, Set<String> fields, String example) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as " + example);
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; the body must look like " + example);
        }
        return node;
    }
}
