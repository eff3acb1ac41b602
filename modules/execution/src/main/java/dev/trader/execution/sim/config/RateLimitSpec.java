package dev.trader.execution.sim.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Binance's REST limits: REQUEST_WEIGHT per minute per IP, ORDERS per 10 seconds and per day per
 * account. A client that sends {@code ignoredRetriesBeforeBan} more requests while a 429's
 * Retry-After still runs is banned (HTTP 418) for {@code firstBan}, doubling for every further ban
 * up to {@code maxBan} — Binance's "from 2 minutes to 3 days". Tests configure small numbers.
 */
public record RateLimitSpec(int requestWeightPerMinute, int ordersPer10Seconds, int ordersPerDay,
                            int ignoredRetriesBeforeBan, Duration firstBan, Duration maxBan) {
    public RateLimitSpec {
        positive("requestWeightPerMinute", requestWeightPerMinute);
        positive("ordersPer10Seconds", ordersPer10Seconds);
        positive("ordersPerDay", ordersPerDay);
        positive("ignoredRetriesBeforeBan", ignoredRetriesBeforeBan);
        Objects.requireNonNull(firstBan, "rateLimits.firstBan");
        Objects.requireNonNull(maxBan, "rateLimits.maxBan");
        if (firstBan.toSeconds() < 1 || maxBan.compareTo(firstBan) < 0) {
            throw new IllegalArgumentException("rateLimits.firstBan must be at least 1s and rateLimits.maxBan at least firstBan but were "
                    + firstBan + " and " + maxBan);
        }
    }

    /** The limits of binance.com: 6000 weight / 1 MINUTE, 100 orders / 10 SECOND, 200000 orders / 1 DAY, bans of 2 minutes to 3 days. */
    public static RateLimitSpec binance() {
        return new RateLimitSpec(6000, 100, 200_000, 3, Duration.ofMinutes(2), Duration.ofDays(3));
    }

    private static void positive(String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("rateLimits." + field + " must be positive but was " + v);
        }
    }
}
