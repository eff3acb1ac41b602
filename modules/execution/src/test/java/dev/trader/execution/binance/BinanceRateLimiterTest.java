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

    @Test
    void justAfterTheRollARequestWaitsOutTheClockUncertaintyUnlessItFitsTheOldWindowToo() {
        RateLimiter limiter = new RateLimiter(List.of(new RateLimitRule(Type.REQUEST_WEIGHT, Interval.SECOND, 2, 10)));
        limiter.guard(50);
        for (int i = 0; i < 9; i++) {
            limiter.completed(limiter.acquire(1, 0, T0 + 100), headers(Map.of()), T0 + 110);
        }
        assertEquals(2_000 + 50 - 1_000, limiter.waitMillis(2, 0, T0 + 1_000).getAsLong(), "9 + 2 > 10: the next window, past its guard");
        assertEquals(50 - 10, limiter.waitMillis(2, 0, T0 + 2_010).getAsLong(),
                "10 ms after our roll the server may still be in the old window, where 9 + 2 do not fit");
        assertEquals(0, limiter.waitMillis(1, 0, T0 + 2_010).getAsLong(), "1 fits the old window too: it goes");
        limiter.acquire(1, 0, T0 + 2_010);
        assertEquals(50 - 20, limiter.waitMillis(1, 0, T0 + 2_020).getAsLong(), "and then the old window is full");
        assertEquals(0, limiter.waitMillis(9, 0, T0 + 2_050).getAsLong(), "past the guard the new window is ours: 1 + 9");
    }

    @Test
    void requestsSentJustBeforeTheRollOrStillInFlightAtItCountInTheNewWindowToo() {
        RateLimiter limiter = new RateLimiter(List.of(new RateLimitRule(Type.REQUEST_WEIGHT, Interval.SECOND, 2, 10)));
        limiter.guard(50);
        RateLimiter.Permit early = limiter.acquire(3, 0, T0 + 100); // still in flight at the roll
        limiter.completed(limiter.acquire(2, 0, T0 + 1_990), headers(Map.of()), T0 + 1_995); // answered, but sent within the guard before the roll
        limiter.completed(limiter.acquire(1, 0, T0 + 500), headers(Map.of()), T0 + 510); // answered well before: old window only
        assertEquals(0, limiter.waitMillis(5, 0, T0 + 2_100).getAsLong(), "3 + 2 carried, 5 fit");
        assertTrue(limiter.waitMillis(6, 0, T0 + 2_100).getAsLong() > 0, "3 + 2 carried, 6 do not");
        limiter.completed(early, headers(Map.of("X-MBX-USED-WEIGHT-2S", List.of("6"))), T0 + 2_110);
        assertTrue(limiter.waitMillis(6, 0, T0 + 2_120).getAsLong() > 0, "a header of the old window's request says nothing of the new one");
    }

    @Test
    void aWindowNewInExchangeInfoStartsAtWhatTheServerLastReportedForIt() {
        RateLimiter limiter = new RateLimiter(RateLimitRule.spotDefaults());
        RateLimiter.Permit info = limiter.acquire(20, 0, T0 + 100);
        limiter.completed(info, headers(Map.of("X-MBX-USED-WEIGHT-1M", List.of("21"), "x-mbx-used-weight-2s", List.of("21"))), T0 + 150);
        limiter.reseed(List.of(new RateLimitRule(Type.REQUEST_WEIGHT, Interval.SECOND, 2, 30)));
        assertEquals(0, limiter.waitMillis(9, 0, T0 + 200).getAsLong(), "21 + 9 fit in 30");
        assertEquals(2_000 - 200, limiter.waitMillis(10, 0, T0 + 200).getAsLong(), "21 + 10 do not: the weight before exchangeInfo counts");
    }
}
