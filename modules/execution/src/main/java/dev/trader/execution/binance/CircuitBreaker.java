package dev.trader.execution.binance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops hammering an exchange that does not answer. After {@code threshold} consecutive failures
 * (5xx, timeouts, connection errors; a 4xx is an answer and counts as success) it opens and every
 * request fails fast without being sent; after {@code coolDown} it lets one trial request through
 * (half-open): success closes it, failure opens it again for another cool-down.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);
    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier nanoTime;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration coolDown) {
        this(threshold, coolDown, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration coolDown, LongSupplier nanoTime) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit breaker threshold must be positive but was " + threshold);
        }
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Called with the new state on every transition (on the thread that caused it). */
    public void onTransition(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** The state now; an open breaker whose cool-down has passed reports HALF_OPEN only once a trial is let through. */
    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** May a request be sent now? In half-open state only one trial at a time is. */
    boolean tryAcquire() {
        State changed = null;
        boolean allowed;
        synchronized (this) {
            switch (state) {
                case CLOSED -> allowed = true;
                case OPEN -> {
                    allowed = nanoTime.getAsLong() - openedAt >= coolDownNanos;
                    if (allowed) {
                        state = State.HALF_OPEN;
                        trialInFlight = true;
                        changed = state;
                    }
                }
                default -> {
                    allowed = !trialInFlight;
                    trialInFlight = true;
                }
            }
        }
        notify(changed);
        return allowed;
    }

    /** The exchange answered. */
    void onSuccess() {
        State changed = null;
        synchronized (this) {
            consecutiveFailures = 0;
            trialInFlight = false;
            if (state != State.CLOSED) {
                state = State.CLOSED;
                changed = state;
            }
        }
        notify(changed);
    }

    /** The exchange did not answer (or answered 5xx). */
    void onFailure() {
        State changed = null;
        synchronized (this) {
            consecutiveFailures++;
            trialInFlight = false;
            if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= threshold)) {
                state = State.OPEN;
                openedAt = nanoTime.getAsLong();
                changed = state;
            }
        }
        notify(changed);
    }

    /** A request ended in a way that proves neither (an oversized answer): a half-open trial may be tried again. */
    synchronized void release() {
        trialInFlight = false;
    }

    /** Milliseconds until an open breaker lets a trial through (0 when it would now). */
    synchronized long retryInMillis() {
        if (state != State.OPEN) {
            return 0;
        }
        return Math.max(0, (coolDownNanos - (nanoTime.getAsLong() - openedAt)) / 1_000_000);
    }

    private void notify(State changed) {
        if (changed == null) {
            return;
        }
        if (changed == State.OPEN) {
            LOG.warn("binance circuit breaker OPEN after {} consecutive failure(s): requests fail fast for {} ms", consecutiveFailures(),
                    coolDownNanos / 1_000_000);
        } else {
            LOG.info("binance circuit breaker {}", changed);
        }
        listeners.forEach(l -> l.accept(changed));
    }
}
