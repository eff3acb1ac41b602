package dev.trader.execution.binance;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Decides when a REST request may leave: one queue, in the order requests were made; the head
 * goes when it fits every rate-limit window, no 429/418 ban is running and the circuit breaker
 * lets it through. A head that does not fit waits for its window to roll (the queue behind it
 * waits too, so order is kept); one whose wait would pass its deadline is refused unsent, and so
 * is one that meets an open breaker (fail fast). A request answered 429 is queued again under its
 * first ticket, so it keeps its place.
 */
final class RequestGate {
    /** A request's place in the queue and how long it may wait, fixed when it is first made. */
    record Ticket(long seq, long deadlineNanos) {
    }

    private final RateLimiter limiter;
    private final CircuitBreaker breaker;
    private final ServerClock clock;
    private final ScheduledExecutorService timer;
    private final long maxWaitNanos;
    private final PriorityQueue<Pending<?>> queue = new PriorityQueue<>(Comparator.comparingLong(p -> p.ticket.seq));
    private long nextSeq;
    private long bannedUntil;
    private long wakeAtNanos = Long.MAX_VALUE;
    private boolean closed;

    RequestGate(RateLimiter limiter, CircuitBreaker breaker, ServerClock clock, ScheduledExecutorService timer, Duration maxWait) {
        this.limiter = limiter;
        this.breaker = breaker;
        this.clock = clock;
        this.timer = timer;
        this.maxWaitNanos = maxWait.toNanos();
    }

    synchronized Ticket ticket() {
        return new Ticket(nextSeq++, System.nanoTime() + maxWaitNanos);
    }

    /** Queues a request; {@code send} runs when it may leave and is given the counted slot. */
    <T> CompletableFuture<T> enqueue(Ticket ticket, String what, int weight, int orders,
                                     Function<RateLimiter.Permit, CompletableFuture<T>> send) {
        Pending<T> p = new Pending<>(ticket, what, weight, orders, send);
        synchronized (this) {
            if (closed) {
                p.result.completeExceptionally(new BinanceRequestNotSent(what + ": the Binance client is stopped"));
                return p.result;
            }
            queue.add(p);
        }
        drain();
        return p.result;
    }

    /** Binance said 429 or 418: nothing at all may be sent before {@code untilServerMillis}. */
    synchronized void ban(long untilServerMillis) {
        bannedUntil = Math.max(bannedUntil, untilServerMillis);
    }

    synchronized long bannedForMillis() {
        return Math.max(0, bannedUntil - clock.nowMillis());
    }

    /** A sent request ended; its headers (null without a response) update the counts, and the queue may move. */
    void completed(RateLimiter.Permit permit, HttpHeaders headers) {
        synchronized (this) {
            limiter.completed(permit, headers, clock.nowMillis());
        }
        drain();
    }

    synchronized void reseed(List<RateLimitRule> rules) {
        limiter.reseed(rules);
    }

    synchronized String describeLimits() {
        return limiter.describe(clock.nowMillis());
    }

    /** Refuses every queued request and every later one. */
    void close() {
        List<Pending<?>> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        dropped.forEach(p -> p.result.completeExceptionally(new BinanceRequestNotSent(p.what + ": the Binance client is stopping")));
    }

    /** Sends every head that may go now, refuses those that never can in time, and sleeps until the next may. */
    private void drain() {
        List<Runnable> actions = new ArrayList<>();
        synchronized (this) {
            limiter.guard(clock.uncertaintyMillis());
            while (!queue.isEmpty()) {
                Pending<?> p = queue.peek();
                long remainingMillis = (p.ticket.deadlineNanos - System.nanoTime()) / 1_000_000;
                long now = clock.nowMillis();
                long banned = bannedUntil - now;
                if (banned > 0) {
                    if (banned > remainingMillis) {
                        queue.poll();
                        actions.add(() -> p.refuse("Binance banned requests (HTTP 429/418) for another " + banned + " ms, beyond the wait allowed"));
                        continue;
                    }
                    sleep(banned);
                    break;
                }
                OptionalLong wait = limiter.waitMillis(p.weight, p.orders, now);
                if (wait.isEmpty()) {
                    queue.poll();
                    actions.add(() -> p.refuse("weight " + p.weight + " exceeds a rate limit on its own"));
                    continue;
                }
                if (wait.getAsLong() > 0) {
                    if (wait.getAsLong() > remainingMillis) {
                        String rule = limiter.blockingRule(p.weight, p.orders, now);
                        queue.poll();
                        actions.add(() -> p.refuse("rate limit " + rule + " is reached and its window rolls in " + wait.getAsLong()
                                + " ms, beyond the wait allowed"));
                        continue;
                    }
                    sleep(wait.getAsLong());
                    break;
                }
                if (!breaker.tryAcquire()) {
                    queue.poll();
                    actions.add(() -> p.refuse("circuit breaker is open (retry in " + breaker.retryInMillis() + " ms)"));
                    continue;
                }
                queue.poll();
                RateLimiter.Permit permit = limiter.acquire(p.weight, p.orders, now);
                actions.add(() -> p.send(permit));
            }
        }
        actions.forEach(Runnable::run);
    }

    /** Wakes the queue after {@code millis} unless an earlier wake-up is already due. */
    private void sleep(long millis) {
        long at = System.nanoTime() + millis * 1_000_000;
        if (at >= wakeAtNanos) {
            return;
        }
        wakeAtNanos = at;
        try {
            timer.schedule(() -> {
                synchronized (this) {
                    wakeAtNanos = Long.MAX_VALUE;
                }
                drain();
            }, millis + 1, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wakeAtNanos = Long.MAX_VALUE; // the timer is shut down: close() refuses what is left
        }
    }

    private static final class Pending<T> {
        private final Ticket ticket;
        private final String what;
        private final int weight;
        private final int orders;
        private final Function<RateLimiter.Permit, CompletableFuture<T>> sender;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(Ticket ticket, String what, int weight, int orders, Function<RateLimiter.Permit, CompletableFuture<T>> sender) {
            this.ticket = ticket;
            this.what = what;
            this.weight = weight;
            this.orders = orders;
            this.sender = sender;
        }

        void refuse(String reason) {
            result.completeExceptionally(new BinanceRequestNotSent(what + ": " + reason));
        }

        void send(RateLimiter.Permit permit) {
            CompletableFuture<T> sent;
            try {
                sent = sender.apply(permit);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        }
    }
}
