package dev.trader.api.live;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameStart;
import org.apache.pekko.http.impl.engine.ws.Protocol;
import org.apache.pekko.http.impl.engine.ws.UpgradeToWebSocketLowLevel;
import org.apache.pekko.http.impl.engine.ws.WebSocket;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.scaladsl.settings.WebSocketSettings;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import scala.Option;
import scala.concurrent.duration.FiniteDuration;

/**
 * One feed connection on Pekko HTTP's own WebSocket stack, with two things its message API does
 * not offer: a close frame with a code and a reason (the API closes with 1000, or 1011 on a
 * failure), and limits checked on frame headers before a message is read. So the connection is
 * handled at the frame level, through Pekko HTTP's internal {@code handleFrames}:
 *
 * <pre>
 *   client frames → {@link IncomingFrameGuard} → Pekko's WebSocket stack (unmasking, control frames,
 *   the close handshake, messages) → {@code incoming}
 *   stack's frames (pongs, its close) + {@code outgoing} text frames + our close frame → client,
 *   ending with the first close frame
 * </pre>
 *
 * Outgoing text bypasses the stack: each frame wraps the bytes rendered once for every client.
 * The internal API is Pekko HTTP 1.3's; {@code LiveFeedWebSocketTest} checks the close codes, so an
 * upgrade that changes it fails there.
 */
final class FeedSocket {
    private static final Protocol.Opcode TEXT = Protocol.Opcode$.MODULE$.forCode((byte) 0x1);
    private static final byte CLOSE = 0x8;
    /** Pekko HTTP's own default for waiting on the peer's close frame. */
    private static final FiniteDuration CLOSE_TIMEOUT = FiniteDuration.create(3, TimeUnit.SECONDS);

    private FeedSocket() {
    }

    /**
     * The response that upgrades the connection: {@code incoming} gets the client's messages,
     * {@code outgoing} is sent as text frames, and when {@code closing} completes the client is sent
     * a close frame with its code and reason and the connection ends.
     */
    static HttpResponse accept(WebSocketUpgrade upgrade, WebSocketSettings settings, LoggingAdapter log, IncomingFrameGuard guard,
                               Sink<Message, NotUsed> incoming, Source<ByteString, NotUsed> outgoing, CompletionStage<CloseReason> closing,
                               Runnable opened, Runnable ended) {
        Flow<org.apache.pekko.http.scaladsl.model.ws.Message, org.apache.pekko.http.scaladsl.model.ws.Message, NotUsed> handler =
                Flow.fromSinkAndSourceCoupled(
                        Flow.<org.apache.pekko.http.scaladsl.model.ws.Message>create().map(Message::adapt).to(incoming),
                        Source.<org.apache.pekko.http.scaladsl.model.ws.Message>never());
        Flow<FrameEvent, FrameEvent, NotUsed> stack = WebSocket.stack(true, settings, CLOSE_TIMEOUT, log).join(handler).asJava();
        Source<FrameEvent, NotUsed> text = outgoing.<FrameEvent>map(bytes -> FrameEvent.fullFrame(TEXT, Option.empty(), bytes, true, false, false, false));
        Source<FrameEvent, NotUsed> close = Source.completionStage(closing)
                .<FrameEvent>map(r -> FrameEvent.closeFrame(r.code(), r.reason(), Option.empty()));
        Flow<FrameEvent, FrameEvent, Object> frames = Flow.<FrameEvent>create()
                .filter(guard::admit)
                .via(stack)
                .merge(text)
                .merge(close)
                .takeWhile(f -> !isClose(f), true)
                .watchTermination((m, done) -> {
                    opened.run();
                    done.whenComplete((d, e) -> ended.run());
                    return m;
                });
        return ((UpgradeToWebSocketLowLevel) upgrade).handleFrames(frames, Option.empty());
    }

    private static boolean isClose(FrameEvent f) {
        return f instanceof FrameStart s && s.header().opcode().code() == CLOSE;
    }
}
