package dev.trader.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's description in {@code src-shared/api} holds together: every file is JSON, every schema
 * a JSON Schema 2020-12 under its own {@code $id}, every {@code $ref} names a file and a definition
 * that exist, no schema file is left unused, every operation says the role it needs, and the
 * document the node serves is self-contained. What the routes answer is checked against it on a
 * running node by the app module's {@code ApiContractTest}.
 */
class OpenApiDocumentTest {
    private static final Path API = Path.of("..", "..", "src-shared", "api").toAbsolutePath().normalize();
    private static final String ID_BASE = "https://trader.example/api/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySchemaFileIsAJsonSchemaUnderItsOwnId() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(ID_BASE, API.resolve("schemas").toUri().toString())));
        JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String file : schemaFiles()) {
            JsonNode schema = read("schemas/" + file);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), file);
            assertEquals(ID_BASE + file, schema.path("$id").asText(), file + ": the $id ends in the file's name");
            assertFalse(schema.path("title").asText().isBlank(), file + " has a title");
            Set<ValidationMessage> problems = meta.validate(schema);
            assertTrue(problems.isEmpty(), file + " is not a valid 2020-12 schema: " + problems);
            // Compiling it resolves every $ref it makes, across files.
            factory.getSchema(SchemaLocation.of(ID_BASE + file)).initializeValidators();
        }
    }

    @Test
    void everyReferenceNamesAFileAndADefinitionThatExist() throws Exception {
        List<String> broken = new ArrayList<>();
        JsonNode doc = read("openapi.json");
        for (String ref : refs(doc)) {
            if (ref.startsWith("#/")) {
                if (doc.at(ref.substring(1)).isMissingNode()) {
                    broken.add("openapi.json: " + ref);
                }
            } else {
                checkFileRef(ref, "", "openapi.json", broken);
            }
        }
        for (String file : schemaFiles()) {
            for (String ref : refs(read("schemas/" + file))) {
                checkFileRef(ref.startsWith("#") ? file + ref : ref, "schemas/", file, broken);
            }
        }
        assertTrue(broken.isEmpty(), "references to nothing: " + broken);
    }

    @Test
    void everySchemaFileIsReachableFromTheDocument() throws Exception {
        Set<String> reached = new TreeSet<>();
        List<String> todo = new ArrayList<>();
        refs(read("openapi.json")).stream().filter(r -> r.startsWith("schemas/")).map(r -> fileOf(r.substring("schemas/".length()))).forEach(todo::add);
        while (!todo.isEmpty()) {
            String file = todo.remove(todo.size() - 1);
            if (reached.add(file)) {
                refs(read("schemas/" + file)).stream().filter(r -> !r.startsWith("#")).map(OpenApiDocumentTest::fileOf).forEach(todo::add);
            }
        }
        assertEquals(new TreeSet<>(schemaFiles()), reached, "a schema file no operation reaches is a message nobody sends");
    }

    @Test
    void everyOperationNamesItsRoleAndDescribesItsAnswers() throws Exception {
        JsonNode doc = read("openapi.json");
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                assertTrue(METHODS.contains(method.getKey()), where);
                JsonNode op = method.getValue();
                assertTrue(operationIds.add(op.path("operationId").asText()), where + ": operationId missing or not unique");
                assertFalse(op.path("summary").asText().isBlank(), where + ": summary");
                String role = op.path("x-role").asText();
                assertTrue(Set.of("public", "viewer", "trader", "admin").contains(role), where + ": x-role is " + role);
                assertTrue(op.path("description").asText().contains(role.equals("public") ? "Public" : "Role: " + role), where + ": the description names the role");
                assertEquals(role.equals("public"), op.has("security") && op.path("security").isEmpty(), where + ": public operations, and only they, need no key");
                // A WebSocket's upgrade (GET /ws) answers 101 and names its frames' schemas in x-messages; every other operation answers 200.
                boolean upgrade = op.has("x-messages");
                assertTrue(op.path("responses").has(upgrade ? "101" : "200"), where + (upgrade ? ": a WebSocket's upgrade answers 101" : ": 200"));
                if (upgrade) {
                    assertTrue(role.equals("public") && method.getKey().equals("get"), where + ": a WebSocket is opened by a GET and authenticates in its first message");
                    for (String side : List.of("client", "server")) {
                        JsonNode frames = op.path("x-messages").path(side);
                        assertTrue(frames.isArray() && !frames.isEmpty(), where + ": x-messages names the " + side + "'s frames");
                        frames.forEach(f -> assertTrue(f.path("$ref").asText().startsWith("schemas/"), where + ": each frame a schema file: " + f));
                    }
                }
                if (!role.equals("public")) {
                    assertTrue(op.path("responses").has("401") && op.path("responses").has("429"), where + ": a keyed route answers 401 and 429");
                }
                if (!role.equals("public") && path.getKey().startsWith("/api/")) {
                    assertTrue(op.path("responses").has("403"), where + ": the account check answers 403");
                }
                if (op.has("requestBody")) {
                    assertTrue(op.path("responses").has("400") && op.path("responses").has("413"), where + ": a body can be malformed or too large");
                }
                for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                    if (upgrade && response.getKey().equals("101")) {
                        assertFalse(response.getValue().has("content"), where + " 101: the upgrade has no body");
                        continue;
                    }
                    JsonNode r = response.getValue().has("$ref") ? doc.at(response.getValue().path("$ref").asText().substring(1)) : response.getValue();
                    assertFalse(r.path("content").isEmpty(), where + " " + response.getKey() + ": a content type");
                    r.path("content").forEach(c -> assertTrue(c.has("schema"), where + " " + response.getKey() + ": each content type with its schema"));
                }
            }
        }
    }

    @Test
    void theServedDocumentIsSelfContained() throws Exception {
        JsonNode served = JSON.readTree(OpenApiDocument.load());
        assertEquals(JSON.readTree(JSON.writeValueAsBytes(OpenApiAssembler.assemble(OpenApiDocumentTest::read))), served,
                "the classpath copy is src-shared/api as it is now");
        for (String ref : refs(served)) {
            assertTrue(ref.startsWith("#/components/"), "an external reference is left: " + ref);
            assertFalse(served.at(ref.substring(1)).isMissingNode(), "a reference to nothing: " + ref);
        }
        JsonNode schemas = served.path("components").path("schemas");
        assertTrue(schemas.has("status") && schemas.has("risk-view") && schemas.has("FloorView") && schemas.has("Decimal"), schemas.toString().substring(0, 200));
        schemas.forEach(s -> assertFalse(s.has("$id") || s.has("$defs") || s.has("$schema"), s.toString()));
        assertEquals("#/components/schemas/risk-view", schemas.path("status").path("properties").path("risk").path("$ref").asText());
    }

    @Test
    void aDescriptionThatCannotBeAssembledStopsTheBoot() {
        Map<String, String> files = new HashMap<>();
        files.put("openapi.json", "{\"openapi\": \"3.1.0\", \"paths\": {\"/x\": {\"get\": {\"responses\": {\"200\": {\"content\": {\"application/json\": "
                + "{\"schema\": {\"$ref\": \"schemas/a.json\"}}}}}}}}}");
        files.put("schemas/a.json", "{\"$ref\": \"b.json#/$defs/Same\", \"$defs\": {\"Same\": {\"type\": \"string\"}}, \"properties\": {\"x\": {\"$ref\": \"#/$defs/Same\"}}}");
        files.put("schemas/b.json", "{\"$defs\": {\"Same\": {\"type\": \"integer\"}}}");
        IllegalStateException clash = assertThrows(IllegalStateException.class, () -> OpenApiAssembler.assemble(reader(files)));
        assertTrue(clash.getMessage().contains("two schemas would be components/schemas/Same"), clash.getMessage());

        files.put("schemas/a.json", "{\"properties\": {\"x\": {\"$ref\": \"c.json\"}}}");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> OpenApiAssembler.assemble(reader(files)));
        assertTrue(missing.getMessage().contains("schemas/c.json"), missing.getMessage());

        files.put("schemas/a.json", "{\"properties\": {\"x\": {\"$ref\": \"b.json#/properties/y\"}}}");
        IllegalStateException inside = assertThrows(IllegalStateException.class, () -> OpenApiAssembler.assemble(reader(files)));
        assertTrue(inside.getMessage().contains("#/$defs/Name"), inside.getMessage());

        files.put("schemas/a.json", "{\"properties\": {\"x\": {\"$ref\": \"b.json#/$defs/Same\"}}}");
        JsonNode ok = OpenApiAssembler.assemble(reader(files));
        assertEquals("#/components/schemas/Same", ok.at("/components/schemas/a/properties/x/$ref").asText());
        assertEquals("integer", ok.at("/components/schemas/Same/type").asText());
    }

    @Test
    void aFileThatIsNotJsonStopsTheBootNamingIt(@TempDir Path classpath) throws Exception {
        Files.createDirectories(classpath.resolve("api/schemas"));
        Files.writeString(classpath.resolve("api/openapi.json"), "{\"openapi\": \"3.1.0\", \"paths\": {\"/x\": {\"get\": {\"responses\": "
                + "{\"200\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"schemas/a.json\"}}}}}}}}}");
        Files.writeString(classpath.resolve("api/schemas/a.json"), "{\"type\": \"object\",\n \"required\": [\"a\"] \"properties\": {}}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            IllegalStateException broken = assertThrows(IllegalStateException.class, () -> OpenApiDocument.load(loader));
            assertTrue(broken.getMessage().startsWith("src-shared/api/schemas/a.json is not valid JSON") && broken.getMessage().contains("line 2"),
                    broken.getMessage());
            Files.writeString(classpath.resolve("api/schemas/a.json"), "{\"type\": \"object\", \"type\": \"array\"}");
            assertTrue(assertThrows(IllegalStateException.class, () -> OpenApiDocument.load(loader)).getMessage().contains("Duplicate field 'type'"),
                    "a key written twice is refused, not settled silently");
            Files.delete(classpath.resolve("api/schemas/a.json"));
            assertTrue(assertThrows(IllegalStateException.class, () -> OpenApiDocument.load(loader)).getMessage().contains("schemas/a.json is not on the classpath"));
        }
    }

    /**
     * Every literal path segment the routes match is in some documented path: a route added without
     * its description fails here (the contract test then finds which operation is missing).
     */
    @Test
    void everyPathTheRoutesMatchIsDocumented() throws Exception {
        Set<String> documented = new TreeSet<>();
        read("openapi.json").path("paths").properties().forEach(p -> documented.addAll(List.of(p.getKey().split("/"))));
        // The routing directives: path("x"), pathPrefix("x"), segment("x") and .slash("x"), in the classes that declare routes.
        Pattern literal = Pattern.compile("(?:(?<![.\\w])(?:path|pathPrefix|segment)|\\.slash)\\(\"([^\"]+)\"");
        Set<String> undocumented = new TreeSet<>();
        Set<String> scanned = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java", "dev", "trader", "api"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (!code.contains("extends AllDirectives")) {
                    continue;
                }
                Matcher m = literal.matcher(code);
                while (m.find()) {
                    scanned.add(m.group(1));
                    if (!documented.contains(m.group(1))) {
                        undocumented.add(source.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(undocumented.isEmpty(), "path segments the routes match but openapi.json does not name: " + undocumented);
        assertTrue(scanned.containsAll(Set.of("kill-switch", "openapi.json", "threshold")), "the scan reads the routes: " + scanned);
    }

    private static void checkFileRef(String ref, String prefix, String from, List<String> broken) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        Path path = API.resolve(prefix + file);
        if (!Files.isRegularFile(path)) {
            broken.add(from + ": " + ref + " (no file " + API.relativize(path) + ")");
        } else if (hash >= 0 && read(API.relativize(path).toString()).at(ref.substring(hash + 1)).isMissingNode()) {
            broken.add(from + ": " + ref + " (no such definition)");
        }
    }

    private static String fileOf(String ref) {
        int hash = ref.indexOf('#');
        return hash < 0 ? ref : ref.substring(0, hash);
    }

    private static List<String> refs(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    out.add(e.getValue().textValue());
                } else {
                    out.addAll(refs(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> out.addAll(refs(n)));
        }
        return out;
    }

    private static List<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(API.resolve("schemas"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(String name) {
        try {
            return JSON.readTree(API.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static Function<String, JsonNode> reader(Map<String, String> files) {
        return name -> {
            String text = files.get(name);
            if (text == null) {
                throw new IllegalStateException("no file " + name);
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
