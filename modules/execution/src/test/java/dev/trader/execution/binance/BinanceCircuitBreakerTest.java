package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.execution.binance.CircuitBreaker.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BinanceCircuitBreakerTest {
    private final AtomicLong nanos = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), nanos::get);
    private final List<State> transitions = new ArrayList<>();

    @Test
    void opensAfterConsecutiveFailuresFailsFastThenTriesOnceAndClosesOnSuccess() {
        breaker.onTransition(transitions::add);
        for (int i = 0; i < 2; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        assertEquals(0, breaker.consecutiveFailures(), "a success in between resets the count");
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "open: fail fast");
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire(), "the cool-down passed: one trial");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(List.of(State.OPEN, State.HALF_OPEN, State.CLOSED), transitions);
    }

    @Test
    void aFailedTrialOpensItForAnotherCoolDown() {
        for (int i = 0; i < 3; i++) {
            breaker.tryAcquire();
            breaker.onFailure();
        }
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10_000, breaker.retryInMillis());
    }
}
