package dev.trader.execution.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.rest.HmacSha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * A simulator bound on 127.0.0.1 (random port) and a real HTTP client for it: the way a Binance
 * client meets it. Signed calls follow Binance's recipe (timestamp from the test's wall clock,
 * HMAC over the exact query string and body sent).
 */
final class SimServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ExchangeSimulator sim;
    final RecordingStreams streams = new RecordingStreams();
    final MutableClock wall;
    private final ServerBinding binding;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        int code() {
            return body.path("code").asInt();
        }

        String msg() {
            return body.path("msg").asText();
        }
    }

    SimServer(ActorSystem system, SimConfig config) {
        this(system, config, new MutableClock(SimFixtures.WALL_START));
    }

    SimServer(ActorSystem system, SimConfig config, MutableClock wall) {
        this.wall = wall;
        this.sim = ExchangeSimulator.builder(config, streams).wallClock(wall).build();
        try {
            this.binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(sim.route()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot bind the simulator", e);
        }
        this.base = "http://127.0.0.1:" + binding.localAddress().getPort();
    }

    /** An unsigned GET. */
    Reply get(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path + query(params))).GET(), Duration.ofSeconds(10));
    }

    /** A signed request with every parameter in the query string (timestamp added, API key sent). */
    Reply signed(String method, String path, Map<String, String> params) {
        return send(signedRequest(method, path, params), Duration.ofSeconds(10));
    }

    HttpRequest.Builder signedRequest(String method, String path, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putIfAbsent("timestamp", Long.toString(wall.millis()));
        String q = encode(all);
        String signed = q + "&signature=" + HmacSha256.sign(SimFixtures.SECRET, q);
        return HttpRequest.newBuilder(URI.create(base + path + "?" + signed)).header("X-MBX-APIKEY", SimFixtures.API_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    /** A raw request: exact query string, form body and headers as given. */
    Reply raw(String method, String path, String rawQuery, String body, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (rawQuery == null ? "" : "?" + rawQuery)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        return send(b, Duration.ofSeconds(10));
    }

    /** An API-key-only request (USER_STREAM). */
    Reply keyed(String method, String path, Map<String, String> params) {
        return raw(method, path, params.isEmpty() ? null : encode(params), null, SimFixtures.API_KEY);
    }

    Reply send(HttpRequest.Builder b, Duration timeout) {
        try {
            HttpResponse<String> r = http.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder b, Duration timeout) {
        return http.sendAsync(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private static String query(Map<String, String> params) {
        return params.isEmpty() ? "" : "?" + encode(params);
    }

    @Override
    public void close() {
        sim.close();
        binding.terminate(Duration.ofSeconds(2)).toCompletableFuture().join();
    }
}
