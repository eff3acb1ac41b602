package dev.trader.notify.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perHour} signal messages of a tier to a chat in any rolling hour: a burst of LOW
 * signals cannot drown the HIGH ones, and a channel is never flooded. Counted on the wall clock:
 * it limits messages to people, not trading decisions.
 */
final class TierRateLimiter {
    private static final Duration WINDOW = Duration.ofHours(1);
    private final Map<SignalTier, Integer> perHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    TierRateLimiter(Map<SignalTier, Integer> perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Whether one more message of {@code tier} may go to {@code chat} now; counts it if so. */
    synchronized boolean tryAcquire(long chat, SignalTier tier) {
        Instant now = clock.instant();
        Deque<Instant> times = sent.computeIfAbsent(chat + "/" + tier, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= perHour.get(tier)) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
