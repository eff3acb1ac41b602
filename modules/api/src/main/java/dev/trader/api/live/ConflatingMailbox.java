package dev.trader.api.live;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages waiting for one client, never more than {@code capacity}. Offering never waits, so
 * a client that reads slowly cannot hold back the feed or the other clients. A client that keeps up
 * gets every message in order. At capacity a message makes room in this order:
 * <ol>
 *   <li>it replaces the waiting message of its key (a newer state: the latest bar of an instrument,
 *       an order's status, a position, the risk view) and goes to the end;</li>
 *   <li>else the oldest waiting message that a newer one of its key already supersedes is dropped;</li>
 *   <li>else the oldest waiting message is dropped and counted, and the client is told before its
 *       next message ({@code lagged}, with the seq it can resubscribe from to get them from the journal).</li>
 * </ol>
 * Messages leave in the order they came, except that a replacement moves to the end: offered in
 * seq order, they leave in seq order. Thread-safe: the feed offers, the client's stream takes.
 */
final class ConflatingMailbox {
    /** Makes the notice that messages were dropped. */
    interface LagNotice {
        FeedFrame of(long dropped, long resubscribeFrom);
    }

    private final int capacity;
    private final LagNotice notice;
    /** Waiting messages by arrival number, oldest first. */
    private final LinkedHashMap<Long, FeedFrame> waiting = new LinkedHashMap<>();
    /** The arrival number of the newest waiting message of each key. */
    private final Map<String, Long> newestOfKey = new HashMap<>();
    private long arrivals;
    private long dropped;
    private long lastTakenSeq;
    private boolean takerWaiting;
    private Runnable onAvailable = () -> {
    };

    ConflatingMailbox(int capacity, long startSeq, LagNotice notice) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but was " + capacity);
        }
        this.capacity = capacity;
        this.lastTakenSeq = startSeq;
        this.notice = notice;
    }

    /** Everything up to {@code seq} reached the client another way (the subscription's head): a lag notice resumes after it at least. */
    synchronized void startAfter(long seq) {
        lastTakenSeq = Math.max(lastTakenSeq, seq);
    }

    /** Called (on the offering thread, outside the lock) when a message arrives after {@link #take} found none. */
    synchronized void onAvailable(Runnable callback) {
        this.onAvailable = callback;
    }

    /** Adds a message and wakes a waiting client at once. */
    void offer(FeedFrame frame) {
        hold(frame);
        wake();
    }

    /**
     * Adds a message without waking the client: the feed adds a batch this way, then calls
     * {@link #wake} once, so a client is woken once per batch, not per message.
     */
    synchronized void hold(FeedFrame frame) {
        if (waiting.size() >= capacity) {
            makeRoomFor(frame);
        }
        long arrival = arrivals++;
        waiting.put(arrival, frame);
        if (frame.key() != null) {
            newestOfKey.put(frame.key(), arrival);
        }
    }

    /** Wakes the client if it found no message at its last {@link #take} and one waits now. */
    void wake() {
        Runnable wake = null;
        synchronized (this) {
            if (takerWaiting && !waiting.isEmpty()) {
                takerWaiting = false;
                wake = onAvailable;
            }
        }
        if (wake != null) {
            wake.run();
        }
    }

    /** The next message (a lag notice first, when messages were dropped); null when none waits, and then {@link #onAvailable} is called at the next offer. */
    synchronized FeedFrame take() {
        if (dropped > 0) {
            FeedFrame lag = notice.of(dropped, lastTakenSeq);
            dropped = 0;
            return lag;
        }
        Iterator<Map.Entry<Long, FeedFrame>> oldest = waiting.entrySet().iterator();
        if (!oldest.hasNext()) {
            takerWaiting = true;
            return null;
        }
        Map.Entry<Long, FeedFrame> e = oldest.next();
        oldest.remove();
        forgetKey(e.getKey(), e.getValue());
        lastTakenSeq = Math.max(lastTakenSeq, e.getValue().seq());
        return e.getValue();
    }

    synchronized int size() {
        return waiting.size();
    }

    /** Messages dropped so far and not yet reported. */
    synchronized long dropped() {
        return dropped;
    }

    private void makeRoomFor(FeedFrame frame) {
        Long older = frame.key() == null ? null : newestOfKey.get(frame.key());
        if (older != null) {
            waiting.remove(older);
            return;
        }
        for (Iterator<Map.Entry<Long, FeedFrame>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, FeedFrame> e = it.next();
            String key = e.getValue().key();
            if (key != null && !e.getKey().equals(newestOfKey.get(key))) {
                it.remove();
                return;
            }
        }
        Iterator<Map.Entry<Long, FeedFrame>> oldest = waiting.entrySet().iterator();
        Map.Entry<Long, FeedFrame> e = oldest.next();
        oldest.remove();
        forgetKey(e.getKey(), e.getValue());
        dropped++;
    }

    private void forgetKey(long arrival, FeedFrame frame) {
        if (frame.key() != null && Long.valueOf(arrival).equals(newestOfKey.get(frame.key()))) {
            newestOfKey.remove(frame.key());
        }
    }
}
