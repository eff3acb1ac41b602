package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the OpenAPI document of {@code src-shared/api} into one self-contained document. The
 * sources keep each message's JSON Schema in a file of its own ({@code schemas/status.json}, with
 * its {@code $defs}), because the server's tests and the dashboard validate against those files;
 * most OpenAPI tools, though, resolve neither file references nor {@code $id}s. So every schema the
 * document reaches is copied under {@code components/schemas}: a file as its name without
 * {@code .json} ({@code status}), a definition as its own name ({@code RiskView}), and every
 * {@code $ref} is rewritten to {@code #/components/schemas/<name>}.
 *
 * <p>Anything it cannot place exactly (a reference into the middle of a schema, a nested
 * {@code $defs}, two definitions with one name, a missing file) is an error: a document that
 * says less than the sources would mislead every client built from it.
 */
final class OpenApiAssembler {
    static final String SCHEMA_DIR = "schemas/";
    private static final String DEFS = "#/$defs/";
    private static final String COMPONENTS = "#/components/schemas/";

    private final Function<String, JsonNode> read;
    private final Map<String, JsonNode> files = new LinkedHashMap<>();
    /** Component name → where it came from ({@code file} or {@code file#/$defs/Name}), to name both sides of a clash. */
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, JsonNode> components = new TreeMap<>();

    /** {@code read} answers a file of the api folder by its relative name ({@code openapi.json}, {@code schemas/status.json}). */
    private OpenApiAssembler(Function<String, JsonNode> read) {
        this.read = read;
    }

    static ObjectNode assemble(Function<String, JsonNode> read) {
        return new OpenApiAssembler(read).run();
    }

    private ObjectNode run() {
        JsonNode source = read.apply("openapi.json");
        if (!(source instanceof ObjectNode) || !source.path("openapi").asText().startsWith("3.1.")) {
            throw new IllegalStateException("openapi.json must be an OpenAPI 3.1 document (an object with \"openapi\": \"3.1.x\")");
        }
        ObjectNode doc = ((ObjectNode) source).deepCopy();
        rewrite(doc, null);
        ObjectNode schemas = doc.withObjectProperty("components").withObjectProperty("schemas");
        components.forEach((name, schema) -> {
            if (schemas.has(name)) {
                throw new IllegalStateException("components/schemas/" + name + " is written in openapi.json and also comes from " + origins.get(name));
            }
            schemas.set(name, schema);
        });
        return doc;
    }

    /** Rewrites every {@code $ref} under {@code node}; {@code file} is the schema file it belongs to (null: openapi.json itself). */
    private void rewrite(JsonNode node, String file) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            // openapi.json's own references (#/components/responses/..., #/components/schemas/...) need nothing.
            if (ref != null && ref.isTextual() && !(file == null && ref.textValue().startsWith("#/"))) {
                object.put("$ref", COMPONENTS + target(ref.textValue(), file));
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!field.getKey().equals("$ref")) {
                    rewrite(field.getValue(), file);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> rewrite(item, file));
        }
    }

    /** The component a reference to a schema file names, added with everything it reaches. */
    private String target(String ref, String file) {
        String path = ref;
        String fragment = "";
        int hash = ref.indexOf('#');
        if (hash >= 0) {
            path = ref.substring(0, hash);
            fragment = ref.substring(hash);
        }
        String targetFile;
        if (path.isEmpty() && file != null) {
            targetFile = file;
        } else if (file == null && path.startsWith(SCHEMA_DIR) && path.indexOf('/', SCHEMA_DIR.length()) < 0) {
            targetFile = path.substring(SCHEMA_DIR.length());
        } else if (file != null && !path.contains("/") && !path.contains(":")) {
            targetFile = path;
        } else {
            throw new IllegalStateException("unsupported $ref '" + ref + "' in " + (file == null ? "openapi.json" : SCHEMA_DIR + file)
                    + ": openapi.json refers to schemas/<file>.json[#/$defs/Name], a schema file to <file>.json[#/$defs/Name] or #/$defs/Name");
        }
        if (fragment.isEmpty()) {
            return addFile(targetFile);
        }
        String name = fragment.startsWith(DEFS) ? fragment.substring(DEFS.length()) : "";
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalStateException("unsupported $ref '" + ref + "' in " + (file == null ? "openapi.json" : SCHEMA_DIR + file)
                    + ": a fragment must name a top-level definition, #/$defs/Name");
        }
        return addDefinition(targetFile, name);
    }

    private String addFile(String file) {
        String name = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        if (claim(name, file)) {
            ObjectNode schema = schemaFile(file).deepCopy();
            schema.remove("$schema");
            schema.remove("$id");
            schema.remove("$defs");
            components.put(name, schema);
            rewrite(schema, file);
        }
        return name;
    }

    private String addDefinition(String file, String name) {
        if (claim(name, file + "#/$defs/" + name)) {
            JsonNode definition = schemaFile(file).path("$defs").get(name);
            if (!(definition instanceof ObjectNode)) {
                throw new IllegalStateException(SCHEMA_DIR + file + " has no definition $defs/" + name);
            }
            JsonNode copy = definition.deepCopy();
            components.put(name, copy);
            rewrite(copy, file);
        }
        return name;
    }

    /** True the first time {@code name} is taken (the caller then adds it); false when {@code origin} took it before; an error for another origin. */
    private boolean claim(String name, String origin) {
        String before = origins.putIfAbsent(name, origin);
        if (before == null) {
            return true;
        }
        if (!before.equals(origin)) {
            throw new IllegalStateException("two schemas would be components/schemas/" + name + ": " + before + " and " + origin + "; rename one");
        }
        return false;
    }

    private ObjectNode schemaFile(String file) {
        return (ObjectNode) files.computeIfAbsent(file, f -> {
            JsonNode schema = read.apply(SCHEMA_DIR + f);
            if (!(schema instanceof ObjectNode)) {
                throw new IllegalStateException(SCHEMA_DIR + f + " must hold a JSON object (a JSON Schema)");
            }
            for (Map.Entry<String, JsonNode> e : schema.properties()) {
                if (e.getKey().equals("$defs")) {
                    e.getValue().forEach(d -> rejectNestedDefs(d, f));
                } else {
                    rejectNestedDefs(e.getValue(), f);
                }
            }
            return schema;
        });
    }

    /** Only a file's top-level {@code $defs} become components: a nested one could not be referred to from another file. */
    private static void rejectNestedDefs(JsonNode node, String file) {
        if (node.has("$defs")) {
            throw new IllegalStateException(SCHEMA_DIR + file + ": $defs belong at the top of the file only");
        }
        node.forEach(child -> {
            if (child.isContainerNode()) {
                rejectNestedDefs(child, file);
            }
        });
    }
}
