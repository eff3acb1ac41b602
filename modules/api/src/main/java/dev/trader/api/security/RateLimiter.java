package dev.trader.api.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per key (or per client address before authentication): a token bucket that refills at
 * {@code perSecond} up to {@code burst}. One bucket per caller, so a noisy script slows only itself.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request for {@code caller}: 0 when allowed, else the seconds until one would be (at least 1). */
    public long take(String caller) {
        Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, clock.millis()));
        synchronized (b) {
            long now = clock.millis();
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1000.0 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond));
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
