package dev.trader.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes API objects' JSON schemas, as the fabric8 model jars carry them
 * ({@code schema/validation-schema.json}, generated from the Kubernetes API), made strict the way
 * kubeconform's {@code -strict} is: an object that lists its properties takes no other (a
 * misspelt field is an error, not ignored). Two of fabric8's definitions describe Java classes
 * rather than the wire: IntOrString and Quantity are a number or a string in a manifest.
 */
public final class KubernetesSchemas {
    private static final String RESOURCE = "schema/validation-schema.json";
    private final ObjectNode definitions;
    /** "apps/v1 Deployment" → the definition's name. */
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final ObjectMapper json = new ObjectMapper();

    public KubernetesSchemas() {
        definitions = json.createObjectNode();
        try {
            List<URL> jars = Collections.list(KubernetesSchemas.class.getClassLoader().getResources(RESOURCE));
            if (jars.isEmpty()) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path (the kubernetes-model test dependencies)");
            }
            for (URL url : jars) {
                try (InputStream in = url.openStream()) {
                    definitions.setAll((ObjectNode) json.readTree(in).path("definitions"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        definitions.properties().forEach(e -> names.add(e.getKey()));
        for (String name : names) {
            if (name.endsWith("_IntOrString")) {
                definitions.set(name, types("integer", "string"));
            } else if (name.endsWith("_Quantity")) {
                definitions.set(name, types("integer", "number", "string"));
            }
        }
        definitions.forEach(this::strict);
        definitions.properties().forEach(e -> {
            JsonNode properties = e.getValue().path("properties");
            String apiVersion = properties.path("apiVersion").path("default").asText("");
            String kind = properties.path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty() && !kind.endsWith("List")) {
                kinds.putIfAbsent(apiVersion + " " + kind, e.getKey());
            }
        });
    }

    /** Errors of {@code manifest} (one Kubernetes object) against its kind's schema; an unknown kind is an error too. */
    public List<String> validate(JsonNode manifest) {
        String key = manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText();
        String definition = kinds.get(key);
        if (definition == null) {
            return List.of("no schema for " + key);
        }
        JsonSchema schema = compiled.computeIfAbsent(definition, d -> {
            ObjectNode root = json.createObjectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.set("definitions", definitions);
            root.put("$ref", "#/definitions/" + d);
            return factory.getSchema(root);
        });
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : schema.validate(manifest)) {
            errors.add(m.getMessage());
        }
        return errors;
    }

    private ObjectNode types(String... types) {
        ObjectNode node = json.createObjectNode();
        ArrayNode array = node.putArray("type");
        for (String t : types) {
            array.add(t);
        }
        return node;
    }

    /** Closes every object schema that lists properties; drops fabric8's draft-3 "required": true flags. */
    private void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            if (object.has("properties") && (!object.has("additionalProperties") || object.path("additionalProperties").isBoolean())) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                strict(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::strict);
        }
    }

    public Set<String> kinds() {
        return kinds.keySet();
    }
}
