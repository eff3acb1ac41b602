package dev.trader.execution.binance;

import java.util.List;
import java.util.Locale;

/**
 * One of exchangeInfo's {@code rateLimits}: at most {@code limit} of {@code type} per
 * {@code intervalNum} × {@code interval}. Binance counts in fixed windows aligned to its clock and
 * reports the count of the current window in a response header named after the window.
 */
public record RateLimitRule(Type type, Interval interval, int intervalNum, int limit) {
    public enum Type { REQUEST_WEIGHT, ORDERS, RAW_REQUESTS }

    public enum Interval {
        SECOND(1_000L, "S"), MINUTE(60_000L, "M"), HOUR(3_600_000L, "H"), DAY(86_400_000L, "D");

        final long millis;
        final String letter;

        Interval(long millis, String letter) {
            this.millis = millis;
            this.letter = letter;
        }
    }

    public RateLimitRule {
        if (intervalNum < 1 || intervalNum > 1000) {
            throw new IllegalArgumentException("rate limit intervalNum must be within 1..1000 but was " + intervalNum);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be positive but was " + limit);
        }
    }

    /** Binance's spot limits at the time of writing, used until exchangeInfo has been read. */
    public static List<RateLimitRule> spotDefaults() {
        return List.of(new RateLimitRule(Type.REQUEST_WEIGHT, Interval.MINUTE, 1, 6000),
                new RateLimitRule(Type.ORDERS, Interval.SECOND, 10, 100),
                new RateLimitRule(Type.ORDERS, Interval.DAY, 1, 200_000),
                new RateLimitRule(Type.RAW_REQUESTS, Interval.MINUTE, 5, 61_000));
    }

    long windowMillis() {
        return interval.millis * intervalNum;
    }

    /** {@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S}; RAW_REQUESTS has no header. */
    String header() {
        String suffix = intervalNum + interval.letter;
        return switch (type) {
            case REQUEST_WEIGHT -> "X-MBX-USED-WEIGHT-" + suffix;
            case ORDERS -> "X-MBX-ORDER-COUNT-" + suffix;
            case RAW_REQUESTS -> null;
        };
    }

    /** What one request costs against this rule. */
    int cost(int weight, int orders) {
        return switch (type) {
            case REQUEST_WEIGHT -> weight;
            case ORDERS -> orders;
            case RAW_REQUESTS -> 1;
        };
    }

    @Override
    public String toString() {
        return type + " " + limit + "/" + intervalNum + interval.name().toLowerCase(Locale.ROOT);
    }
}
