package dev.trader.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameStart;
import org.apache.pekko.http.impl.engine.ws.Protocol;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import scala.Option;

class IncomingFrameGuardTest {
    private final List<CloseReason> closes = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private static FrameStart frame(int opcode, int length, boolean fin) {
        return FrameEvent.fullFrame(Protocol.Opcode$.MODULE$.forCode((byte) opcode), Option.empty(), ByteString.fromArray(new byte[length]), fin,
                false, false, false);
    }

    private IncomingFrameGuard guard() {
        return new IncomingFrameGuard(100, 3, closes::add, now::get);
    }

    @Test
    void aMessageOverTheLimitAcrossItsFramesIsRefused1009BeforeItIsRead() {
        IncomingFrameGuard g = guard();
        assertTrue(g.admit(frame(0x1, 60, false)));
        assertFalse(g.admit(frame(0x0, 60, true)), "60 + 60 bytes is more than 100");
        assertEquals(List.of(CloseReason.TOO_BIG), closes.stream().map(CloseReason::code).toList());
        assertFalse(g.admit(frame(0x1, 1, true)), "nothing passes once tripped");
        assertTrue(guard().admit(frame(0x1, 100, true)), "exactly the limit is fine");
    }

    @Test
    void moreFramesThanTheRatePerSecondAreRefused1008ButTheCloseAlwaysPasses() {
        IncomingFrameGuard g = guard();
        for (int i = 0; i < 3; i++) {
            assertTrue(g.admit(frame(0x9, 1, true)));
        }
        now.addAndGet(999_000_000L);
        assertFalse(g.admit(frame(0x1, 1, true)), "the 4th within a second");
        assertEquals(CloseReason.POLICY_VIOLATION, closes.get(0).code());
        IncomingFrameGuard later = guard();
        for (int i = 0; i < 3; i++) {
            assertTrue(later.admit(frame(0x1, 1, true)));
        }
        now.addAndGet(1_000_000_001L);
        assertTrue(later.admit(frame(0x1, 1, true)), "a second later there is room again");
        assertTrue(later.admit(frame(0x8, 2, true)));
    }
}
