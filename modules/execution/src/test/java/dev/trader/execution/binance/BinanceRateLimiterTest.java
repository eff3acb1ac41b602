package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.execution.binance.RateLimitRule.Interval;
import dev.trader.execution.binance.RateLimitRule.Type;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceRateLimiterTest {
    private static final long T0 = 1_700_000_040_000L; // a minute boundary

    private static HttpHeaders headers(Map<String, List<String>> h) {
        return HttpHeaders.of(h, (k, v) -> true);
    }

    @Test
    void theUsedWeightHeaderMakesTheNextRequestWaitForTheWindowToRoll() {
        RateLimiter limiter = new RateLimiter(RateLimitRule.spotDefaults());
        RateLimiter.Permit p = limiter.acquire(1, 0, T0 + 10_000);
        limiter.completed(p, headers(Map.of("X-MBX-USED-WEIGHT-1M", List.of("5998"))), T0 + 10_050);
        assertEquals(0, limiter.waitMillis(2, 0, T0 + 10_100).getAsLong(), "2 more fit in 6000");
        assertEquals(50_000 - 100, limiter.waitMillis(4, 0, T0 + 10_100).getAsLong(), "4 do not: wait for the next minute");
        assertEquals(0, limiter.waitMillis(4, 0, T0 + 60_000).getAsLong(), "a new window");
    }

    @Test
    void ourOwnCountCoversRequestsTheServerHasNotReportedYet() {
        RateLimiter limiter = new RateLimiter(List.of(new RateLimitRule(Type.ORDERS, Interval.SECOND, 10, 3)));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.waitMillis(1, 1, T0 + i).getAsLong());
            limiter.acquire(1, 1, T0 + i);
        }
        assertEquals(10_000 - 3, limiter.waitMillis(1, 1, T0 + 3).getAsLong(), "three orders in flight fill the 10 s window");
        assertEquals(0, limiter.waitMillis(20, 0, T0 + 3).getAsLong(), "a request that places no order is not held by ORDERS");
        assertTrue(limiter.waitMillis(1, 4, T0).isEmpty(), "more than the limit on its own can never be sent");
    }

    @Test
    void inFlightRequestsAddToTheReportedCount() {
        RateLimiter limiter = new RateLimiter(List.of(new RateLimitRule(Type.REQUEST_WEIGHT, Interval.MINUTE, 1, 100)));
        RateLimiter.Permit a = limiter.acquire(20, 0, T0);
        limiter.acquire(20, 0, T0);
        limiter.completed(a, headers(Map.of("X-MBX-USED-WEIGHT-1M", List.of("90"))), T0 + 5);
        assertTrue(limiter.waitMillis(1, 0, T0 + 6).getAsLong() > 0, "90 reported + 20 still in flight is over 100");
    }
}
