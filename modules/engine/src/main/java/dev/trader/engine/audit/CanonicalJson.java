package dev.trader.engine.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An event as canonical JSON, the audit record's payload: what the project's Jackson mapper writes
 * (record fields, ISO-8601 times), with every object's keys sorted ({@link String#compareTo}), every
 * set's elements sorted by their own canonical JSON, decimals exactly as they are (no stripped zeros)
 * and no whitespace. The same event always gives the same text, on any JVM: a map or a set built by
 * {@code Map.copyOf}/{@code Set.copyOf} iterates in an order that changes from run to run.
 */
public final class CanonicalJson {
    private final ObjectMapper mapper;

    /** {@code base}: the project's mapper (visibility and modules of {@code pekko.serialization.jackson}); it is copied, not changed. */
    public CanonicalJson(ObjectMapper base) {
        ObjectMapper m = base.copy();
        m.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        m.registerModule(new SimpleModule("canonical-sets").addSerializer(new SortedSetSerializer(this)));
        this.mapper = m;
    }

    public String encode(Object event) {
        try {
            return mapper.writeValueAsString(sorted(mapper.valueToTree(event)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("event " + event.getClass().getName() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.properties().forEach(f -> fields.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = mapper.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = mapper.createArrayNode();
            array.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A set is written as an array of its elements' canonical JSON, in order of that text. */
    private static final class SortedSetSerializer extends StdSerializer<Set<?>> {
        private final transient CanonicalJson canonical;

        SortedSetSerializer(CanonicalJson canonical) {
            super(Set.class, false);
            this.canonical = canonical;
        }

        @Override
        public void serialize(Set<?> set, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<JsonNode> elements = new ArrayList<>(set.size());
            for (Object e : set) {
                elements.add(canonical.sorted(canonical.mapper.valueToTree(e)));
            }
            elements.sort(Comparator.comparing(canonical::text));
            gen.writeStartArray(set, elements.size());
            for (JsonNode e : elements) {
                provider.defaultSerializeValue(e, gen);
            }
            gen.writeEndArray();
        }
    }
}
