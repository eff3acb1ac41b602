package dev.trader.marketdata.binance;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt {@code n} (from 0) waits
 * {@code min(max, min × 2^n) × (1 − jitter × u)} with {@code u} uniform in [0, 1). The jitter
 * only shortens the wait, so {@code max} stays a true bound, and clients that lost the same
 * exchange at the same moment do not all come back in the same millisecond.
 *
 * @param jitter the fraction of the wait that is random, 0 (none) to 1 (anywhere from 0)
 */
public record ReconnectBackoff(Duration min, Duration max, double jitter) {
    public ReconnectBackoff {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max but was " + min + ", " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1 but was " + jitter);
        }
    }

    /** The wait before reconnect attempt {@code attempt} (0 for the first after a loss). */
    public Duration delay(int attempt, RandomGenerator random) {
        return jittered(base(attempt), random);
    }

    /** The wait before jitter: {@code min × 2^attempt}, capped at {@code max}. */
    public Duration base(int attempt) {
        long minNanos = min.toNanos();
        long maxNanos = max.toNanos();
        // Doubling past 62 shifts would overflow; long before that the cap applies.
        int shift = Math.min(Math.max(attempt, 0), 62);
        long nanos = minNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, minNanos << shift);
        return Duration.ofNanos(nanos);
    }

    private Duration jittered(Duration base, RandomGenerator random) {
        double factor = 1 - jitter * random.nextDouble();
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }
}
