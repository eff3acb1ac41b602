package dev.trader.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.ApiDescription.Documented;
import dev.trader.app.testing.ApiDescription.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Calls a running node as a client would and holds every answer to {@code src-shared/api}: the
 * status must be one the operation documents, and the body must be valid under the schema
 * documented for it (an unknown route and a wrong method under the shared NotFound and
 * MethodNotAllowed). Every request with a body that succeeds must be valid under the request's
 * schema. It remembers which operations were called with which statuses, and the first request of
 * each that succeeded, so that a test can check that every documented operation was called and
 * replay each one with too little authority.
 *
 * <p>In a test: {@code admin.get("/api/status").answers(200)} sends, checks and answers the body.
 */
public final class ApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ApiDescription description = new ApiDescription();
    private final Map<String, Set<Integer>> seen = new TreeMap<>();
    private final Map<String, Request> firstSuccess = new TreeMap<>();

    public ApiDescription description() {
        return description;
    }

    /** A caller of the node on {@code port} with {@code key} (null: no key). */
    public Caller caller(int port, String key) {
        return new Caller(port, key);
    }

    /** Each operation called, with the statuses it answered. */
    public Map<String, Set<Integer>> seen() {
        return seen;
    }

    /** The first request of each operation that succeeded, to replay. */
    public Map<String, Request> firstSuccess() {
        return firstSuccess;
    }

    public final class Caller {
        private final int port;
        private final String key;

        private Caller(int port, String key) {
            this.port = port;
            this.key = key;
        }

        public Request get(String path) {
            return new Request(this, "GET", path, null, Map.of());
        }

        public Request post(String path, String body) {
            return new Request(this, "POST", path, body, Map.of());
        }

        public Request put(String path, String body) {
            return new Request(this, "PUT", path, body, Map.of());
        }

        public Request send(String method, String path, String body) {
            return new Request(this, method, path, body, Map.of());
        }

        /** The same request from another caller (another key on the same node). */
        public Request replay(Request r) {
            return new Request(this, r.method, r.path, r.body, r.headers);
        }
    }

    public final class Request {
        private final Caller caller;
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers;

        private Request(Caller caller, String method, String path, String body, Map<String, String> headers) {
            this.caller = caller;
            this.method = method;
            this.path = path;
            this.body = body;
            this.headers = headers;
        }

        /** The same request with a header more (one java.net.http lets a client set: Origin, Accept, ...). */
        public Request header(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Request(caller, method, path, body, Map.copyOf(more));
        }

        /** The port of the node it goes to. */
        public int port() {
            return caller.port;
        }

        /** Sends it, checks the answer has {@code status} and what openapi.json documents for it, and answers the body (null unless JSON). */
        public JsonNode answers(int status) throws Exception {
            return check(HTTP.send(build(), HttpResponse.BodyHandlers.ofString()), status);
        }

        /** As {@link #answers} does, and the response itself: for an answer that is not JSON (the trades' CSV) and its headers. */
        public HttpResponse<String> response(int status) throws Exception {
            HttpResponse<String> r = HTTP.send(build(), HttpResponse.BodyHandlers.ofString());
            check(r, status);
            return r;
        }

        /** 400, and the request's schema refuses the body too: the description is as strict as the server. */
        public JsonNode refusesBody() throws Exception {
            JsonNode error = answers(400);
            Operation op = description.operation(method, path).orElseThrow();
            JsonNode schema = description.requestSchema(op).orElseThrow(() -> new AssertionError(op.name() + " documents no request body"));
            JsonNode parsed;
            try {
                parsed = JSON.readTree(body);
            } catch (Exception unparsable) {
                return error;
            }
            assertFalse(parsed == null || description.validate(schema, parsed).isEmpty(),
                    op.name() + ": the server refuses " + body + " (" + error.path("message").asText() + ") but the request schema accepts it");
            return error;
        }

        /** Sends it {@code n} times at once: some answers must be 429; every answer is checked as {@link #answers} does. */
        public List<Integer> floodUntilLimited(int n) {
            List<CompletableFuture<HttpResponse<String>>> sent = java.util.stream.IntStream.range(0, n)
                    .mapToObj(i -> HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofString())).toList();
            List<Integer> statuses = sent.stream().map(CompletableFuture::join).map(r -> {
                try {
                    check(r, r.statusCode());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return r.statusCode();
            }).toList();
            assertTrue(statuses.contains(429), n + " requests at once were all let through: " + statuses);
            return statuses;
        }

        @Override
        public String toString() {
            return method + " " + path + (headers.isEmpty() ? "" : " " + headers) + (body == null || body.isEmpty() ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body));
        }

        private HttpRequest build() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + caller.port + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (caller.key != null) {
                b.header("Authorization", "Bearer " + caller.key);
            }
            headers.forEach(b::header);
            return b.build();
        }

        private JsonNode check(HttpResponse<String> r, int status) throws Exception {
            assertEquals(status, r.statusCode(), this + " -> " + r.body());
            Optional<Operation> op = description.operation(method, path);
            String shared = description.templateOf(path).isEmpty() ? (status == 401 ? "Unauthorized" : "NotFound")
                    : status == 401 ? "Unauthorized" : "MethodNotAllowed";
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            Documented documented = description.answer(op, status, shared, contentType)
                    .orElseThrow(() -> new AssertionError(this + " answered " + status + ", which openapi.json does not document for "
                            + op.map(Operation::name).orElse("any operation (no documented path matches)") + ": " + r.body()));
            if (status == 405) {
                assertTrue(r.headers().firstValue("Allow").isPresent(), this + ": 405 names what is allowed");
            }
            op.ifPresent(o -> seen.computeIfAbsent(o.name(), k -> new TreeSet<>()).add(status));
            if (op.isPresent() && status / 100 == 2) {
                firstSuccess.putIfAbsent(op.get().name(), this);
                Optional<JsonNode> requestSchema = description.requestSchema(op.get());
                if (requestSchema.isPresent()) {
                    var problems = description.validate(requestSchema.get(), JSON.readTree(body));
                    assertTrue(problems.isEmpty(), this + " succeeded, but its body breaks the request schema: " + problems);
                }
            }
            if (!documented.mediaType().equals("application/json")) {
                return null;
            }
            JsonNode answer = JSON.readTree(r.body());
            var problems = description.validate(documented.schema(), answer);
            if (!problems.isEmpty()) {
                fail(this + " answered " + status + " against " + documented.where() + ": " + problems + "\n" + abbreviated(r.body()));
            }
            return answer;
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 4000 ? body.substring(0, 4000) + "…" : body;
    }
}
