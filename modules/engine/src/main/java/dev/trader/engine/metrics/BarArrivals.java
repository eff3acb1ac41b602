package dev.trader.engine.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each instrument's latest bar reached the node, on the wall clock: data freshness is about
 * whether the feed is alive now, which a bar's own (event) time cannot tell during a replay. An
 * instrument that has had no bar yet counts from when the node started.
 */
public final class BarArrivals {
    private final Clock clock;
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();

    public BarArrivals(Clock clock, Collection<String> instruments) {
        this.clock = clock;
        Instant start = clock.instant();
        instruments.forEach(i -> latest.put(i, start));
    }

    public void arrived(String instrument) {
        latest.put(instrument, clock.instant());
    }

    /** Per instrument, how long since its latest bar (or since the start). */
    public Map<String, Duration> sinceLatest() {
        Instant now = clock.instant();
        Map<String, Duration> out = new TreeMap<>();
        latest.forEach((i, at) -> out.put(i, Duration.between(at, now)));
        return out;
    }
}
