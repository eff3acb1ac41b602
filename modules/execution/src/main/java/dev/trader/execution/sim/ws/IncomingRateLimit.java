package dev.trader.execution.sim.ws;

import java.util.concurrent.TimeUnit;

/**
 * Binance's "5 incoming messages per second" as a sliding window: the message that would be
 * the (limit+1)th within one second is refused. Called from one connection's inbound stream
 * only, so it needs no locking.
 */
final class IncomingRateLimit {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final long[] recent;
    private int next;
    private int count;

    IncomingRateLimit(int perSecond) {
        this.recent = new long[perSecond];
    }

    /** Records a message at {@code nowNanos} (System.nanoTime) and says whether it is within the limit. */
    boolean permit(long nowNanos) {
        if (count == recent.length) {
            // recent[next] is the oldest of the last `limit` messages.
            if (nowNanos - recent[next] < WINDOW_NANOS) {
                return false;
            }
        } else {
            count++;
        }
        recent[next] = nowNanos;
        next = (next + 1) % recent.length;
        return true;
    }
}
