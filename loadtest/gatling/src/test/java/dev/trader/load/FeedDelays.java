package dev.trader.load;

import io.gatling.http.action.ws.WsInboundMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The delay the node's fan-out added to each live-feed message a client received in the
 * measurement window: the client's receipt (Gatling's timestamp, taken when the frame is read off
 * the socket) minus the message's {@code sentAt} (when the node rendered it). Both clocks are the
 * same machine's, so the difference needs no synchronisation. Messages outside the window (the
 * ramp, the settling, the closing) are counted apart and not measured.
 */
final class FeedDelays {
    private static final String SENT_AT = "\"sentAt\":\"";
    private static final String LAGGED = "{\"type\":\"lagged\"";

    private final Histogram delaysMs = new ConcurrentHistogram(60_000, 3);
    private final AtomicLong outsideWindow = new AtomicLong();
    private final AtomicLong lagged = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    void window(long startMillis, long endMillis) {
        windowStart = startMillis;
        windowEnd = endMillis;
    }

    void record(List<WsInboundMessage> messages) {
        for (WsInboundMessage m : messages) {
            if (!(m instanceof WsInboundMessage.Text text)) {
                unreadable.incrementAndGet();
                continue;
            }
            long received = m.timestamp();
            if (received < windowStart || received >= windowEnd) {
                outsideWindow.incrementAndGet();
                continue;
            }
            String body = text.message();
            if (body.startsWith(LAGGED)) {
                lagged.incrementAndGet();
            }
            long sent = sentAt(body);
            if (sent < 0) {
                unreadable.incrementAndGet();
                continue;
            }
            // A receipt stamped before the render (the millisecond rounding) counts as no delay.
            delaysMs.recordValue(Math.min(Math.max(0, received - sent), delaysMs.getHighestTrackableValue()));
        }
    }

    /** The envelope's sentAt comes before its data, so the first occurrence is the envelope's. */
    private static long sentAt(String body) {
        int at = body.indexOf(SENT_AT);
        if (at < 0) {
            return -1;
        }
        int from = at + SENT_AT.length();
        int to = body.indexOf('"', from);
        try {
            return to < 0 ? -1 : Instant.parse(body.substring(from, to)).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    Histogram histogram() {
        return delaysMs.copy();
    }

    long outsideWindow() {
        return outsideWindow.get();
    }

    long lagged() {
        return lagged.get();
    }

    long unreadable() {
        return unreadable.get();
    }
}
