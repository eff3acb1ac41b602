package dev.trader.execution.binance;

import java.time.Duration;
import java.util.Random;

/**
 * Reconnect delays: exponential from {@code min}, capped at {@code max}, each drawn at random in
 * its upper half ("equal jitter") so that many clients do not reconnect in step. Seeded, so a test
 * sees the same delays every run.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int attempt;

    Backoff(Duration min, Duration max, long seed) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = new Random(seed);
    }

    synchronized Duration next() {
        long ceiling = Math.min(maxMillis, minMillis << Math.min(attempt, 30));
        attempt++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }

    synchronized void reset() {
        attempt = 0;
    }
}
