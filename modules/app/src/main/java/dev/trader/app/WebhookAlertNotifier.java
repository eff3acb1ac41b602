package dev.trader.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.engine.alert.Alert;
import dev.trader.engine.alert.AlertNotifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert, fired and resolved, as JSON to {@code trader.alerts.webhook-url} (a chat
 * bridge, an incident tool). Sent without waiting; a failure is logged without the address,
 * which may carry a token.
 */
final class WebhookAlertNotifier implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final String node;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    WebhookAlertNotifier(String url, String node) {
        this.target = URI.create(url);
        this.node = node;
    }

    @Override
    public void fired(Alert alert) {
        post("fired", alert);
    }

    @Override
    public void resolved(Alert alert) {
        post("resolved", alert);
    }

    private void post(String event, Alert a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("alert", a.kind().id());
        body.put("severity", a.kind().severity().name().toLowerCase(java.util.Locale.ROOT));
        body.put("subject", a.subject());
        body.put("message", a.message());
        body.put("since", a.since().toString());
        body.put("resolvedAt", a.resolvedAt() == null ? null : a.resolvedAt().toString());
        body.put("node", node);
        final byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException("alert not serialisable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("alert webhook: {} {} not delivered: {}", event, a.key(), e.getClass().getSimpleName());
            } else if (r.statusCode() / 100 != 2) {
                LOG.warn("alert webhook: {} {} answered HTTP {}", event, a.key(), r.statusCode());
            }
        });
    }
}
