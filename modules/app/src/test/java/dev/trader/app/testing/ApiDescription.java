package dev.trader.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code src-shared/api} as the tests read it: the OpenAPI document as written (schemas still in
 * their files), its operations, the answer it documents for an operation and a status, and a JSON
 * Schema 2020-12 validator (networknt) that resolves {@code schemas/*.json} and their {@code $id}s
 * from that folder, never from the network.
 */
public final class ApiDescription {
    public static final Path DIR = Path.of("..", "..", "src-shared", "api").toAbsolutePath().normalize();
    /** The schemas' {@code $id}s start with it (a reserved domain: nothing is ever fetched from there). */
    private static final String BASE = "https://trader.example/api/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toUri().toString())));
    /** Date-times are checked too (2020-12 makes format an annotation only, unless asked). */
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    public ApiDescription() {
        try {
            doc = JSON.readTree(DIR.resolve("openapi.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One documented operation: {@code GET /api/instruments/{id}}. */
    public record Operation(String method, String template, JsonNode spec) {
        public String name() {
            return method + " " + template;
        }

        public String role() {
            return spec.path("x-role").asText();
        }
    }

    /** What openapi.json documents for an answer: its media type and schema (null for a media type without one). */
    public record Documented(String where, String mediaType, JsonNode schema) {
    }

    public List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties()
                .forEach(m -> out.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), p.getKey(), m.getValue()))));
        return out;
    }

    public Set<String> operationNames() {
        return operations().stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The operation a request goes to: the path template that matches with the most literal segments. */
    public Optional<Operation> operation(String method, String path) {
        return templateOf(path).flatMap(t -> operations().stream().filter(o -> o.template().equals(t) && o.method().equals(method)).findFirst());
    }

    /** Whether some documented path matches (whatever the method). */
    public Optional<String> templateOf(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return operations().stream().map(Operation::template).distinct().filter(t -> matches(t, bare))
                .max(Comparator.comparingLong(t -> java.util.Arrays.stream(t.split("/")).filter(s -> !s.startsWith("{")).count()));
    }

    /**
     * The answer documented for an operation's status (or a shared one, components/responses, for
     * requests no operation takes) in the media type that came: a route may offer several (JSON and CSV).
     */
    public Optional<Documented> answer(Optional<Operation> op, int status, String sharedName, String contentType) {
        JsonNode response = op.isPresent() ? op.get().spec().path("responses").path(Integer.toString(status))
                : doc.path("components").path("responses").path(sharedName);
        if (response.isMissingNode()) {
            return Optional.empty();
        }
        String where = op.map(o -> o.name() + " " + status).orElse("components/responses/" + sharedName);
        if (response.has("$ref")) {
            response = doc.at(response.path("$ref").asText().substring(1));
        }
        JsonNode content = response.path("content");
        String mediaType = content.properties().stream().map(Map.Entry::getKey).filter(contentType::startsWith).findFirst()
                .orElseThrow(() -> new AssertionError(where + " came as " + contentType + " but is documented as " + content.properties().stream()
                        .map(Map.Entry::getKey).toList()));
        return Optional.of(new Documented(where, mediaType, content.path(mediaType).get("schema")));
    }

    /** The request body's schema, if the operation takes one. */
    public Optional<JsonNode> requestSchema(Operation op) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** What is wrong with {@code value} under {@code schema} (a schema node of openapi.json); empty when it is valid. */
    public Set<ValidationMessage> validate(JsonNode schema, JsonNode value) {
        JsonSchema s = compiled.computeIfAbsent(schema.toString(), k -> factory.getSchema(SchemaLocation.of(BASE + "openapi.json"), schema, config));
        return s.validate(value);
    }

    private static boolean matches(String template, String path) {
        String regex = java.util.Arrays.stream(template.split("/", -1))
                .map(s -> s.startsWith("{") ? "[^/]+" : Pattern.quote(s)).collect(Collectors.joining("/"));
        return path.matches(regex);
    }
}
