package dev.trader.execution.sim.stream;

import dev.trader.execution.sim.SimStreams;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands events to {@link SimStreams} in exactly the order the exchange produced them, without
 * calling it while the exchange holds its lock: producers enqueue under the exchange's lock (so
 * the queue order is the exchange's order), and whoever finished an operation drains the queue
 * afterwards, one drainer at a time.
 */
public final class OrderedPublisher {
    private final SimStreams streams;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Object drainLock = new Object();

    public OrderedPublisher(SimStreams streams) {
        this.streams = streams;
    }

    public void publish(String stream, String payload) {
        queue.add(() -> streams.publish(stream, payload));
    }

    public void disconnect(String stream) {
        queue.add(() -> streams.disconnect(stream));
    }

    /** Delivers everything queued so far, in order. */
    public void drain() {
        synchronized (drainLock) {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        }
    }
}
