package dev.trader.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of the node's live feed over a real WebSocket ({@code java.net.http}): it records every
 * message with the wall-clock time it arrived whole, and how the server closed the socket.
 */
public final class FeedClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One message as received: its JSON, its text, and when it arrived (epoch ms). */
    public record Received(JsonNode json, String text, long receivedAt) {
        public String type() {
            return json.path("type").asText();
        }

        public long seq() {
            return json.path("seq").asLong();
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {
    }

    private final List<Received> received = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private FeedClient(int port, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener()).join();
    }

    public static FeedClient connect(int port) {
        return new FeedClient(port, null);
    }

    public static FeedClient connect(int port, String origin) {
        return new FeedClient(port, origin);
    }

    /** Authenticates and subscribes ({@code from} null: from now). */
    public static FeedClient subscribed(int port, String key, Long from) {
        FeedClient c = connect(port);
        c.send("{\"type\":\"auth\",\"key\":\"" + key + "\"}");
        c.send(from == null ? "{\"type\":\"subscribe\"}" : "{\"type\":\"subscribe\",\"from\":" + from + "}");
        return c;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void ping() {
        socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {1})).join();
    }

    public CompletableFuture<Closed> closed() {
        return closed;
    }

    public Closed awaitClosed(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized List<Received> messages() {
        return List.copyOf(received);
    }

    /** Waits for the first message that matches. */
    public Received await(Predicate<Received> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : messages()) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such message within " + within + "; got " + messages().size() + " message(s), closed " + closed.getNow(null));
    }

    /** Waits until no message has arrived for {@code quiet}. */
    public void awaitQuiet(Duration quiet, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> all = messages();
            long last = all.isEmpty() ? 0 : all.get(all.size() - 1).receivedAt();
            if (System.currentTimeMillis() - last >= quiet.toMillis()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the feed did not go quiet within " + within);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.currentTimeMillis();
                String text = partial.toString();
                partial.setLength(0);
                try {
                    Received r = new Received(JSON.readTree(text), text, at);
                    synchronized (FeedClient.this) {
                        received.add(r);
                    }
                } catch (Exception e) {
                    closed.completeExceptionally(new AssertionError("not JSON: " + text, e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
