package dev.trader.execution.binance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request parameters in the order they were added, percent-encoded once into the exact string that
 * is both sent and signed.
 */
final class RequestParams {
    private final List<String[]> entries = new ArrayList<>();

    static RequestParams of() {
        return new RequestParams();
    }

    RequestParams add(String name, Object value) {
        entries.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    RequestParams copy() {
        RequestParams p = new RequestParams();
        p.entries.addAll(entries);
        return p;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String get(String name) {
        for (String[] e : entries) {
            if (e[0].equals(name)) {
                return e[1];
            }
        }
        return null;
    }

    String encoded() {
        StringBuilder sb = new StringBuilder();
        for (String[] e : entries) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
