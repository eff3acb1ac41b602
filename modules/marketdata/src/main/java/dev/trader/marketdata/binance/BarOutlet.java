package dev.trader.marketdata.binance;

import dev.trader.domain.market.Bar;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the feed's bars leave: a {@link SubmissionPublisher} (so demand, cancellation and the
 * Reactive Streams rules are the JDK's) whose publishing waits while a subscriber's buffer is
 * full rather than dropping the bar. While it waits the feed reads no frames, so a slow
 * subscriber slows the socket (TCP backpressure) instead of losing bars; if the exchange then
 * drops the connection, the reconnect repairs the gap from REST.
 */
final class BarOutlet implements Flow.Publisher<Bar> {
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private final SubmissionPublisher<Bar> publisher;
    private final AtomicBoolean firstSubscriber = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onFirstSubscriber;

    BarOutlet(int bufferBars, Runnable onFirstSubscriber) {
        this.publisher = new SubmissionPublisher<>(ForkJoinPool.commonPool(), bufferBars);
        this.onFirstSubscriber = onFirstSubscriber;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Bar> subscriber) {
        publisher.subscribe(subscriber);
        if (firstSubscriber.compareAndSet(false, true)) {
            onFirstSubscriber.run();
        }
    }

    boolean hasSubscribers() {
        return publisher.hasSubscribers();
    }

    /**
     * Hands {@code bar} to every subscriber, waiting while one of them has a full buffer.
     *
     * @return the nanoseconds spent waiting
     */
    long emit(Bar bar) {
        if (closed.get()) {
            return 0;
        }
        long start = System.nanoTime();
        // The drop handler runs when a subscriber's buffer is full: it waits for room (or close)
        // and answers true, so the publisher retries that subscriber, which then has room.
        publisher.offer(bar, (subscriber, item) -> awaitRoom());
        return System.nanoTime() - start;
    }

    private boolean awaitRoom() {
        while (!closed.get()) {
            if (publisher.estimateMaximumLag() < publisher.getMaxBufferCapacity()) {
                return true;
            }
            LockSupport.parkNanos(WAIT_STEP_NANOS);
        }
        return false;
    }

    /** Completes every subscriber after the bars already buffered for it; a wait in {@link #emit} ends. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            publisher.close();
        }
    }
}
