package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in of the Telegram Bot API over real HTTP on loopback: {@code getUpdates} (long
 * polling, offsets), {@code sendMessage}, {@code sendPhoto} (multipart), {@code answerCallbackQuery};
 * it refuses a wrong token (401) and can be told to answer a method 429 with {@code retry_after}.
 * It records every call it served.
 */
public final class StandInBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One served call: its method and parameters (a photo as its byte count and whether it is a PNG). */
    public record Call(String method, Map<String, String> params, byte[] photo) {
        public long chat() {
            return Long.parseLong(params.get("chat_id"));
        }
    }

    private final HttpServer server;
    private final String token;
    private final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, int[]> throttled = new HashMap<>();
    private final AtomicInteger nextUpdate = new AtomicInteger(1);
    private final AtomicInteger nextMessage = new AtomicInteger(100);

    public StandInBotApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A user writes {@code text} in {@code chat}. */
    public void message(long chat, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", nextUpdate.getAndIncrement());
        u.set("message", JSON.createObjectNode().put("message_id", nextMessage.getAndIncrement()).put("date", 1_700_000_000).put("text", text)
                .set("chat", JSON.createObjectNode().put("id", chat).put("type", chat < 0 ? "channel" : "private")));
        updates.add(u);
    }

    /** A user presses a button carrying {@code data} under a message the bot sent to {@code chat}. */
    public void press(long chat, String data) {
        ObjectNode u = JSON.createObjectNode().put("update_id", nextUpdate.getAndIncrement());
        ObjectNode q = JSON.createObjectNode().put("id", "cb" + u.path("update_id").asInt()).put("chat_instance", "1").put("data", data);
        q.set("from", JSON.createObjectNode().put("id", 7).put("is_bot", false).put("first_name", "Trader"));
        q.set("message", JSON.createObjectNode().put("message_id", 5).put("date", 1_700_000_000)
                .set("chat", JSON.createObjectNode().put("id", chat).put("type", "private")));
        u.set("callback_query", q);
        updates.add(u);
    }

    /** The next {@code times} calls of {@code method} answer 429 with {@code retry_after = seconds}. */
    public synchronized void throttle(String method, int times, int seconds) {
        throttled.put(method, new int[] {times, seconds});
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> sentTo(long chat) {
        return calls.stream().filter(c -> c.params().containsKey("chat_id") && c.chat() == chat).toList();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                reply(ex, 401, JSON.createObjectNode().put("ok", false).put("error_code", 401).put("description", "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length());
            byte[] body = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = new HashMap<>();
            byte[] photo = type != null && type.startsWith("multipart/form-data") ? multipart(body, type, params) : form(body, params);
            synchronized (this) {
                int[] t = throttled.get(method);
                if (t != null && t[0] > 0) {
                    t[0]--;
                    ObjectNode err = JSON.createObjectNode().put("ok", false).put("error_code", 429)
                            .put("description", "Too Many Requests: retry after " + t[1]);
                    err.set("parameters", JSON.createObjectNode().put("retry_after", t[1]));
                    reply(ex, 429, err);
                    return;
                }
            }
            if (!method.equals("getUpdates")) {
                calls.add(new Call(method, params, photo));
            }
            ObjectNode ok = JSON.createObjectNode().put("ok", true);
            switch (method) {
                case "getUpdates" -> ok.set("result", JSON.valueToTree(pending(params)));
                case "sendMessage", "sendPhoto" -> ok.set("result", JSON.createObjectNode().put("message_id", nextMessage.getAndIncrement())
                        .put("date", 1_700_000_000).set("chat", JSON.createObjectNode().put("id", Long.parseLong(params.get("chat_id"))).put("type", "private")));
                case "answerCallbackQuery" -> ok.put("result", true);
                default -> {
                    reply(ex, 404, JSON.createObjectNode().put("ok", false).put("error_code", 404).put("description", "Not Found: method " + method));
                    return;
                }
            }
            reply(ex, 200, ok);
        }
    }

    private List<JsonNode> pending(Map<String, String> params) {
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        long deadline = System.currentTimeMillis() + Math.min(1_000, 1_000L * Integer.parseInt(params.getOrDefault("timeout", "0")));
        while (true) {
            List<JsonNode> out = new ArrayList<>();
            for (ObjectNode u : updates) {
                if (u.path("update_id").asInt() >= offset) {
                    out.add(u);
                }
            }
            if (!out.isEmpty() || System.currentTimeMillis() >= deadline) {
                return out;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return out;
            }
        }
    }

    private static byte[] form(byte[] body, Map<String, String> params) {
        String s = new String(body, StandardCharsets.UTF_8);
        if (s.startsWith("{")) {
            try {
                JSON.readTree(s).properties().forEach(e -> params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("the bot sent a body that is not JSON: " + s, e);
            }
            return null;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /** The text parts as parameters; the returned bytes are the file part's. */
    private static byte[] multipart(byte[] body, String type, Map<String, String> params) {
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
        String all = new String(body, StandardCharsets.ISO_8859_1);
        byte[] file = null;
        for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4, Math.max(headerEnd + 4, part.length() - 2));
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (headers.contains("filename=")) {
                file = content.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                params.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
