package dev.trader.api.live;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.apache.pekko.util.ByteString;

/**
 * Renders a message once, as the UTF-8 bytes every client that may see it is sent. Each message
 * carries {@code sentAt}, the wall-clock time it was rendered (ISO-8601, milliseconds): a client's
 * receipt minus {@code sentAt} is the delay the fan-out to it added (its queue, the network, the
 * socket). Only clients measuring their lag read it; nothing decides on it.
 */
final class FeedRenderer {
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    FeedRenderer(Clock clock) {
        this.clock = clock;
    }

    @JsonPropertyOrder({"type", "seq", "sentAt", "data"})
    private record Envelope(String type, long seq, String sentAt, Object data) {
    }

    FeedFrame frame(FeedUpdate u, long seq) {
        return new FeedFrame(seq, u.type(), u.key(), u.strategy(), bytes(u.type(), seq, u.data()));
    }

    /** A message of the protocol itself (welcome, live, lagged): for one client, never conflated. */
    FeedFrame control(String type, long seq, Object data) {
        return new FeedFrame(seq, type, null, null, bytes(type, seq, data));
    }

    FeedFrame lagged(long dropped, long resubscribeFrom) {
        return control("lagged", resubscribeFrom, new FeedData.LaggedData(dropped, resubscribeFrom));
    }

    private ByteString bytes(String type, long seq, Object data) {
        try {
            return ByteString.fromArrayUnsafe(json.writeValueAsBytes(new Envelope(type, seq, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed message " + type + " cannot be rendered: " + e.getOriginalMessage(), e);
        }
    }
}
