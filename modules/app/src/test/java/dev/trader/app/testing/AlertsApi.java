package dev.trader.app.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reads a node's alerts over real HTTP ({@code GET /api/alerts}) and waits for one to fire or clear. */
public final class AlertsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Alerts evaluated and gauges sampled every 100 ms, so tests see them at once. */
    public static final Map<String, Object> FAST = Map.of("trader.alerts.evaluate-every", "100ms", "trader.metrics.sample-every", "100ms");

    private AlertsApi() {
    }

    public static JsonNode get(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts")).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Waits until the alert on the subject is in {@code list} ("active" or "resolved"); answers it. */
    public static JsonNode await(int port, String list, String alert, String subject, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode view = get(port);
        while (true) {
            for (JsonNode a : view.path(list)) {
                if (a.path("alert").asText().equals(alert) && (subject == null || a.path("subject").asText().equals(subject))) {
                    return a;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no " + list + " alert " + alert + (subject == null ? "" : " on " + subject) + " within " + within + ": " + view);
            }
            Thread.sleep(100);
            view = get(port);
        }
    }

    /** Whether the alert was ever raised on this node (active now or cleared since). */
    public static boolean raised(JsonNode view, String alert) {
        for (String list : new String[] {"active", "resolved"}) {
            for (JsonNode a : view.path(list)) {
                if (a.path("alert").asText().equals(alert)) {
                    return true;
                }
            }
        }
        return false;
    }
}
