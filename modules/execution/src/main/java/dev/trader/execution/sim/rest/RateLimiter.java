package dev.trader.execution.sim.rest;

import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.config.RateLimitSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Binance's rate limits on the wall clock. Request weight per IP in fixed windows (1 minute at
 * Binance; {@link RateLimitSpec#requestWeightWindow()}): a
 * request past the limit gets HTTP 429 with Retry-After (seconds to the window's end); each
 * further request while that Retry-After runs counts as ignored, and after
 * {@code ignoredRetriesBeforeBan} of them the IP is banned: HTTP 418 with Retry-After until the
 * ban ends, the ban doubling for every repeat (first ban .. max ban). Orders per account in a
 * 10-second ({@link RateLimitSpec#ordersWindow()}) and a 1-day window: past either, 429 with -1015
 * (no ban). Every refusal is counted ({@link #stats()}).
 */
final class RateLimiter {
    private final RateLimitSpec spec;
    private final long weightWindowMs;
    private final long ordersWindowMs;
    private long tooMuchWeight;
    private long ignoredRetries;
    private long bans;
    private long refusedWhileBanned;
    private long tooManyOrders;
    private final Map<String, IpState> ips = new HashMap<>();
    private long orderWindow10s = -1;
    private int orders10s;
    private long orderWindowDay = -1;
    private int ordersDay;

    RateLimiter(RateLimitSpec spec) {
        this.spec = spec;
        this.weightWindowMs = spec.requestWeightWindow().toMillis();
        this.ordersWindowMs = spec.ordersWindow().toMillis();
    }

    synchronized RateLimitStats stats() {
        return new RateLimitStats(tooMuchWeight, ignoredRetries, bans, refusedWhileBanned, tooManyOrders);
    }

    /** The verdict on a request of {@code weight} from {@code ip}: allowed, or the error and Retry-After seconds. */
    record Verdict(BinanceError error, long retryAfterSeconds, int usedWeight) {
        boolean allowed() {
            return error == null;
        }
    }

    synchronized Verdict admit(String ip, int weight, long now) {
        IpState st = ips.computeIfAbsent(ip, k -> new IpState());
        if (now < st.bannedUntil) {
            refusedWhileBanned++;
            return new Verdict(BinanceError.banned(st.bannedUntil), seconds(st.bannedUntil - now), st.usedAt(now, weightWindowMs));
        }
        long window = now - Math.floorMod(now, weightWindowMs);
        if (st.window != window) {
            st.window = window;
            st.used = 0;
        }
        if (now < st.retryUntil) {
            st.ignored++;
            if (st.ignored >= spec.ignoredRetriesBeforeBan()) {
                bans++;
                Duration ban = spec.firstBan().multipliedBy(1L << Math.min(st.bans, 30));
                if (ban.compareTo(spec.maxBan()) > 0) {
                    ban = spec.maxBan();
                }
                st.bans++;
                st.bannedUntil = now + ban.toMillis();
                st.ignored = 0;
                st.retryUntil = 0;
                return new Verdict(BinanceError.banned(st.bannedUntil), seconds(ban.toMillis()), st.used);
            }
            ignoredRetries++;
            return new Verdict(weightError(), seconds(st.retryUntil - now), st.used);
        }
        st.used += weight;
        if (st.used > spec.requestWeightPerMinute()) {
            tooMuchWeight++;
            st.retryUntil = window + weightWindowMs;
            st.ignored = 0;
            return new Verdict(weightError(), seconds(st.retryUntil - now), st.used);
        }
        return new Verdict(null, 0, st.used);
    }

    private BinanceError weightError() {
        return BinanceError.tooMuchWeight(spec.requestWeightPerMinute(), describe(spec.requestWeightWindow()));
    }

    /** "1 MINUTE", "10 SECOND": how Binance's messages name a window. */
    static String describe(Duration window) {
        return RateLimitSpec.intervalNum(window) + " " + RateLimitSpec.interval(window);
    }

    /** Whether the account may place one more order now (429 -1015 otherwise). */
    synchronized Verdict admitOrder(long now) {
        roll(now);
        if (orders10s >= spec.ordersPer10Seconds()) {
            tooManyOrders++;
            return new Verdict(BinanceError.tooManyOrders(spec.ordersPer10Seconds(), describe(spec.ordersWindow())),
                    seconds(orderWindow10s + ordersWindowMs - now), 0);
        }
        if (ordersDay >= spec.ordersPerDay()) {
            tooManyOrders++;
            return new Verdict(BinanceError.tooManyOrders(spec.ordersPerDay(), "1 DAY"), seconds(orderWindowDay + 86_400_000L - now), 0);
        }
        return new Verdict(null, 0, 0);
    }

    synchronized void orderPlaced(long now) {
        roll(now);
        orders10s++;
        ordersDay++;
    }

    /** {short-window count, day count} for the X-MBX-ORDER-COUNT headers. */
    synchronized int[] orderCounts(long now) {
        roll(now);
        return new int[] {orders10s, ordersDay};
    }

    private void roll(long now) {
        long w10 = now - Math.floorMod(now, ordersWindowMs);
        if (w10 != orderWindow10s) {
            orderWindow10s = w10;
            orders10s = 0;
        }
        long wd = now - Math.floorMod(now, 86_400_000L);
        if (wd != orderWindowDay) {
            orderWindowDay = wd;
            ordersDay = 0;
        }
    }

    private static long seconds(long ms) {
        return Math.max(1, (ms + 999) / 1000);
    }

    private static final class IpState {
        long window = -1;
        int used;
        long retryUntil;
        int ignored;
        int bans;
        long bannedUntil;

        int usedAt(long now, long windowMs) {
            return now - Math.floorMod(now, windowMs) == window ? used : 0;
        }
    }
}
