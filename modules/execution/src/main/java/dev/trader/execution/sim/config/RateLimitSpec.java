package dev.trader.execution.sim.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Binance's REST limits: REQUEST_WEIGHT per minute per IP, ORDERS per 10 seconds and per day per
 * account. A client that sends {@code ignoredRetriesBeforeBan} more requests while a 429's
 * Retry-After still runs is banned (HTTP 418) for {@code firstBan}, doubling for every further ban
 * up to {@code maxBan} — Binance's "from 2 minutes to 3 days". Tests configure small numbers.
 * <p>
 * The two short windows default to Binance's (1 MINUTE for weight, 10 SECOND for orders) and may
 * be set to any whole number of seconds, so that a test need not wait a minute for a window to
 * roll: the counts named {@code requestWeightPerMinute} and {@code ordersPer10Seconds} then apply
 * per {@code requestWeightWindow} and {@code ordersWindow}. exchangeInfo shows each window as
 * Binance does ({@code interval} + {@code intervalNum}: 10 s is {@code SECOND 10}, 2 min is
 * {@code MINUTE 2}) and the headers are named after it ({@code X-MBX-USED-WEIGHT-10S}).
 */
public record RateLimitSpec(int requestWeightPerMinute, int ordersPer10Seconds, int ordersPerDay,
                            int ignoredRetriesBeforeBan, Duration firstBan, Duration maxBan,
                            Duration requestWeightWindow, Duration ordersWindow) {
    public static final Duration BINANCE_WEIGHT_WINDOW = Duration.ofMinutes(1);
    public static final Duration BINANCE_ORDERS_WINDOW = Duration.ofSeconds(10);

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
        window("requestWeightWindow", requestWeightWindow);
        window("ordersWindow", ordersWindow);
    }

    /** Binance's windows: weight per 1 MINUTE, orders per 10 SECOND. */
    public RateLimitSpec(int requestWeightPerMinute, int ordersPer10Seconds, int ordersPerDay, int ignoredRetriesBeforeBan,
                         Duration firstBan, Duration maxBan) {
        this(requestWeightPerMinute, ordersPer10Seconds, ordersPerDay, ignoredRetriesBeforeBan, firstBan, maxBan,
                BINANCE_WEIGHT_WINDOW, BINANCE_ORDERS_WINDOW);
    }

    /** The limits of binance.com: 6000 weight / 1 MINUTE, 100 orders / 10 SECOND, 200000 orders / 1 DAY, bans of 2 minutes to 3 days. */
    public static RateLimitSpec binance() {
        return new RateLimitSpec(6000, 100, 200_000, 3, Duration.ofMinutes(2), Duration.ofDays(3));
    }

    /** These limits with other short windows (whole seconds, at most a day). */
    public RateLimitSpec withWindows(Duration weightWindow, Duration ordersWindow) {
        return new RateLimitSpec(requestWeightPerMinute, ordersPer10Seconds, ordersPerDay, ignoredRetriesBeforeBan, firstBan, maxBan,
                weightWindow, ordersWindow);
    }

    /** Binance's name of a window's unit in exchangeInfo: SECOND, MINUTE, HOUR or DAY (the largest that divides it). */
    public static String interval(Duration window) {
        long s = window.toSeconds();
        return s % 86_400 == 0 ? "DAY" : s % 3_600 == 0 ? "HOUR" : s % 60 == 0 ? "MINUTE" : "SECOND";
    }

    /** How many {@link #interval} units the window is (exchangeInfo's intervalNum). */
    public static int intervalNum(Duration window) {
        long s = window.toSeconds();
        return (int) switch (interval(window)) {
            case "DAY" -> s / 86_400;
            case "HOUR" -> s / 3_600;
            case "MINUTE" -> s / 60;
            default -> s;
        };
    }

    /** The suffix of the header that reports a window's count: {@code 1M}, {@code 10S}, {@code 1D}. */
    public static String headerSuffix(Duration window) {
        return intervalNum(window) + interval(window).substring(0, 1);
    }

    private static void positive(String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("rateLimits." + field + " must be positive but was " + v);
        }
    }

    private static void window(String field, Duration d) {
        Objects.requireNonNull(d, "rateLimits." + field);
        if (d.toMillis() % 1000 != 0 || d.toSeconds() < 1 || d.toSeconds() > 86_400 || intervalNum(d) > 1000) {
            throw new IllegalArgumentException("rateLimits." + field + " must be a whole number of seconds from 1s to 1d but was " + d);
        }
    }
}
