package dev.trader.api.live;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameStart;

/**
 * The limits on what a client sends, checked on each frame's header before Pekko collects the
 * message: a message (all its frames together) longer than {@code maxMessageBytes} closes the
 * socket with 1009 before its body is read into memory; more than {@code maxPerSecond} frames
 * (messages, continuations, pings) within one second close it with 1008. The client's close
 * frame always passes. Once tripped, nothing more passes: the close frame is on its way.
 * One connection's inbound stream calls it, so it needs no locking.
 */
final class IncomingFrameGuard {
    private static final byte CONTINUATION = 0x0;
    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;
    private static final byte CLOSE = 0x8;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int maxMessageBytes;
    private final int maxPerSecond;
    private final Consumer<CloseReason> close;
    private final LongSupplier nanoTime;
    /** The arrival times of the last {@code maxPerSecond} frames, a ring. */
    private final long[] recent;
    private int next;
    private int count;
    private long messageBytes;
    private boolean tripped;

    IncomingFrameGuard(int maxMessageBytes, int maxPerSecond, Consumer<CloseReason> close, LongSupplier nanoTime) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxPerSecond = maxPerSecond;
        this.close = close;
        this.nanoTime = nanoTime;
        this.recent = new long[maxPerSecond];
    }

    /** Whether the frame goes on to the WebSocket stack. */
    boolean admit(FrameEvent event) {
        if (tripped) {
            return false;
        }
        if (!(event instanceof FrameStart start)) {
            return true;
        }
        byte opcode = start.header().opcode().code();
        if (opcode == CLOSE) {
            return true;
        }
        if (!withinRate(nanoTime.getAsLong())) {
            return trip(new CloseReason(CloseReason.POLICY_VIOLATION, "more than " + maxPerSecond + " messages per second"));
        }
        if (opcode == TEXT || opcode == BINARY) {
            messageBytes = start.header().length();
        } else if (opcode == CONTINUATION) {
            messageBytes += start.header().length();
        }
        if (messageBytes > maxMessageBytes) {
            return trip(new CloseReason(CloseReason.TOO_BIG, "a message may have at most " + maxMessageBytes + " bytes"));
        }
        return true;
    }

    private boolean trip(CloseReason reason) {
        tripped = true;
        close.accept(reason);
        return false;
    }

    /** A sliding window: the frame that would be the (limit+1)th within one second is refused. */
    private boolean withinRate(long now) {
        if (count == recent.length) {
            if (now - recent[next] < WINDOW_NANOS) {
                return false;
            }
        } else {
            count++;
        }
        recent[next] = now;
        next = (next + 1) % recent.length;
        return true;
    }
}
