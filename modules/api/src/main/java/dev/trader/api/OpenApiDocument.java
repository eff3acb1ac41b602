package dev.trader.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * The OpenAPI document {@code GET /api/openapi.json} serves: {@code src-shared/api}, which the api
 * module's build puts on the classpath under {@code api/}, assembled into one self-contained
 * document ({@link OpenApiAssembler}) once, when the routes are built. A file that is missing or not
 * valid JSON stops the node at boot: serving a broken description is worse than refusing to start
 * with the file named.
 */
public final class OpenApiDocument {
    /** Where the build puts {@code src-shared/api} on the classpath. */
    static final String CLASSPATH_DIR = "api/";
    /** Hand-edited files: a key written twice is a mistake, never something to settle silently. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private OpenApiDocument() {
    }

    /** The assembled document as the bytes to serve. */
    public static byte[] load() {
        return load(OpenApiDocument.class.getClassLoader());
    }

    static byte[] load(ClassLoader classpath) {
        try {
            return JSON.writeValueAsBytes(OpenApiAssembler.assemble(name -> read(classpath, name)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode read(ClassLoader classpath, String name) {
        String resource = CLASSPATH_DIR + name;
        try (InputStream in = classpath.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("src-shared/api/" + name + " is not on the classpath (" + resource + ")");
            }
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("src-shared/api/" + name + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new IllegalStateException("src-shared/api/" + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
