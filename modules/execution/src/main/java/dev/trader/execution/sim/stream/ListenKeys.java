package dev.trader.execution.sim.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The user-data-stream listen keys of the one simulated account, on the wall clock as at Binance:
 * valid for {@code validity} after creation or the last keep-alive; creating while one is active
 * returns that one, extended.
 */
public final class ListenKeys {
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final long validityMs;
    private final SplittableRandom random;
    private final Map<String, Long> expiry = new LinkedHashMap<>();

    public ListenKeys(Duration validity, long seed) {
        this.validityMs = validity.toMillis();
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    public synchronized String create(long nowMs) {
        for (Map.Entry<String, Long> e : expiry.entrySet()) {
            if (e.getValue() > nowMs) {
                e.setValue(nowMs + validityMs);
                return e.getKey();
            }
        }
        StringBuilder key = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            key.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        expiry.put(key.toString(), nowMs + validityMs);
        return key.toString();
    }

    /** Extends {@code key}; false if it does not exist (or has expired). */
    public synchronized boolean keepAlive(String key, long nowMs) {
        Long until = expiry.get(key);
        if (until == null || until <= nowMs) {
            return false;
        }
        expiry.put(key, nowMs + validityMs);
        return true;
    }

    public synchronized boolean close(String key) {
        return expiry.remove(key) != null;
    }

    /** Keys events are published to now. */
    public synchronized List<String> active(long nowMs) {
        List<String> out = new ArrayList<>();
        expiry.forEach((k, until) -> {
            if (until > nowMs) {
                out.add(k);
            }
        });
        return out;
    }

    /** Whether {@link #expire} would remove a key at {@code nowMs}. */
    public synchronized boolean anyDue(long nowMs) {
        for (long until : expiry.values()) {
            if (until <= nowMs) {
                return true;
            }
        }
        return false;
    }

    /** Removes and returns the keys whose validity ran out by {@code nowMs}. */
    public synchronized List<String> expire(long nowMs) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = expiry.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() <= nowMs) {
                out.add(e.getKey());
                it.remove();
            }
        }
        return out;
    }
}
