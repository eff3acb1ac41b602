package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@link TraderControl} over the node's HTTP API with an API key (read from the environment by the
 * caller; a key that may write risk is needed for {@code /kill_switch} and {@code /threshold}).
 * A failed call is an {@link IllegalStateException} with the API's own error message, never the key.
 */
public final class ApiTraderControl implements TraderControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiTraderControl(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    @Override
    public JsonNode status() {
        return get("/api/status");
    }

    @Override
    public JsonNode metrics(Instant from) {
        return get("/api/metrics?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
    }

    @Override
    public JsonNode positions() {
        return get("/api/positions");
    }

    @Override
    public JsonNode strategies() {
        return get("/api/strategies");
    }

    @Override
    public JsonNode threshold(String strategy, BigDecimal minConfidence) {
        return send("PUT", "/api/strategies/" + URLEncoder.encode(strategy, StandardCharsets.UTF_8) + "/threshold",
                Map.of("minConfidence", minConfidence.toPlainString()));
    }

    @Override
    public JsonNode killSwitch(boolean on) {
        return send("POST", "/api/kill-switch", Map.of("on", on));
    }

    @Override
    public JsonNode signals(int limit) {
        return get("/api/signals?limit=" + limit);
    }

    @Override
    public JsonNode instrument(String id) {
        return get("/api/instruments/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    private JsonNode send(String method, String path, Map<String, ?> body) {
        try {
            return exchange(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the request to " + path + ": " + e.getMessage(), e);
        }
    }

    private JsonNode exchange(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + body.path("message").asText(r.body()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(path + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(path + ": interrupted", e);
        }
    }
}
