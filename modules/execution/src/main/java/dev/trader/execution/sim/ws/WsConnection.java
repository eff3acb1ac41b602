package dev.trader.execution.sim.ws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its subscriptions, whether it gets the combined envelope, and the
 * bounded queue of text frames waiting to be written to it. Offering to the queue never
 * waits: a client that lets it fill up is closed, so it cannot hold back the publisher or
 * the other clients.
 */
final class WsConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final String path;
    /** Insertion order, for LIST_SUBSCRIPTIONS; guarded by itself. */
    private final Set<String> streams = new LinkedHashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<WsConnection> onClose;
    private volatile boolean combined;
    private volatile BoundedSourceQueue<String> queue;
    private volatile UniqueKillSwitch killSwitch;

    /** A listen key is a user's bearer token for the stream: {@code /ws/<listenKey>} is logged without it (market streams have an '@'). */
    static String redacted(String path) {
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        return path.startsWith("/ws/") && !last.isEmpty() && !last.contains("@") && !path.contains("?") ? "/ws/<listen key>" : path;
    }

    /**
     * @param path     how the client connected, for logs
     * @param combined whether payloads are wrapped in {"stream":..,"data":..}
     * @param onClose  called once when the connection closes, whatever closed it
     */
    WsConnection(String path, boolean combined, Consumer<WsConnection> onClose) {
        this.path = redacted(path);
        this.combined = combined;
        this.onClose = onClose;
    }

    /** Called when Pekko has materialized the outgoing side, before any frame is offered. */
    void open(BoundedSourceQueue<String> queue, UniqueKillSwitch killSwitch) {
        this.queue = queue;
        this.killSwitch = killSwitch;
    }

    boolean combined() {
        return combined;
    }

    void combined(boolean combined) {
        this.combined = combined;
    }

    /** Adds the streams not yet subscribed; returns the ones added. */
    List<String> addStreams(List<String> names) {
        List<String> added = new ArrayList<>();
        synchronized (streams) {
            for (String name : names) {
                if (streams.add(name)) {
                    added.add(name);
                }
            }
        }
        return added;
    }

    /** Removes the given streams; returns the ones that were subscribed. */
    List<String> removeStreams(List<String> names) {
        List<String> removed = new ArrayList<>();
        synchronized (streams) {
            for (String name : names) {
                if (streams.remove(name)) {
                    removed.add(name);
                }
            }
        }
        return removed;
    }

    List<String> streams() {
        synchronized (streams) {
            return List.copyOf(streams);
        }
    }

    int streamCount() {
        synchronized (streams) {
            return streams.size();
        }
    }

    /** Queues one event of {@code stream}, as a raw payload or in the combined envelope. */
    void send(String stream, String payloadJson) {
        offer(combined ? "{\"stream\":\"" + stream + "\",\"data\":" + payloadJson + "}" : payloadJson);
    }

    /** Queues the answer to a client request, behind the events already queued. */
    void reply(String json) {
        offer(json);
    }

    private void offer(String frame) {
        BoundedSourceQueue<String> q = queue;
        if (q == null || closed.get()) {
            return;
        }
        if (!q.offer(frame).isEnqueued() && !closed.get()) {
            LOG.warn("sim ws #{} {}: {} frames queued, the client does not read fast enough: closing it", id, path, q.size());
            close("send buffer overflow (slow client)");
        }
    }

    /**
     * Closes the connection at once: frames still queued are dropped and the client gets a
     * normal close frame. Pekko's message-level API sets no close code or reason, so the
     * reason goes to the log only.
     */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("sim ws #{} {} closed by the server: {}", id, path, reason);
        UniqueKillSwitch k = killSwitch;
        if (k != null) {
            k.shutdown();
        }
        onClose.accept(this);
    }

    /** The streams have ended (client closed, or after {@link #close}). */
    void terminated() {
        if (closed.compareAndSet(false, true)) {
            LOG.debug("sim ws #{} {} closed by the client", id, path);
            onClose.accept(this);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "#" + id + " " + path;
    }
}
