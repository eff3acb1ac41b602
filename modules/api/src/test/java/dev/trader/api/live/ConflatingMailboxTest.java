package dev.trader.api.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class ConflatingMailboxTest {
    private static FeedFrame frame(long seq, String key) {
        return new FeedFrame(seq, key == null ? "fill" : "bar", key, null, ByteString.fromString("#" + seq));
    }

    private static ConflatingMailbox mailbox(int capacity) {
        return new ConflatingMailbox(capacity, 0, (dropped, from) -> new FeedFrame(from, "lagged", null, null, ByteString.fromString(dropped + "@" + from)));
    }

    private static List<String> drain(ConflatingMailbox m) {
        List<String> out = new ArrayList<>();
        for (FeedFrame f = m.take(); f != null; f = m.take()) {
            out.add(f.type().equals("lagged") ? "lagged " + f.text().utf8String() : f.key() == null ? "#" + f.seq() : f.key() + "#" + f.seq());
        }
        return out;
    }

    @Test
    void aClientThatKeepsUpGetsEveryMessageInOrderEvenTwoOfOneKey() {
        ConflatingMailbox m = mailbox(4);
        m.offer(frame(1, "btc"));
        m.offer(frame(2, null));
        m.offer(frame(3, "btc"));
        assertEquals(List.of("btc#1", "#2", "btc#3"), drain(m));
    }

    @Test
    void atCapacityANewerStateReplacesTheWaitingOneOfItsKeyAndMovesToTheEnd() {
        ConflatingMailbox m = mailbox(3);
        m.offer(frame(1, "btc"));
        m.offer(frame(2, null));
        m.offer(frame(3, "eth"));
        m.offer(frame(4, "btc"));
        assertEquals(List.of("#2", "eth#3", "btc#4"), drain(m), "still in seq order, nothing lost but an older bar");
    }

    @Test
    void atCapacityAnEventPushesOutASupersededStateBeforeAnythingElse() {
        ConflatingMailbox m = mailbox(3);
        m.offer(frame(1, null));
        m.offer(frame(2, "btc"));
        m.offer(frame(3, "btc"));
        m.offer(frame(4, null));
        assertEquals(List.of("#1", "btc#3", "#4"), drain(m));
    }

    @Test
    void whenEvenThatIsNotEnoughTheOldestIsDroppedAndTheClientToldWhereToResubscribeFrom() {
        ConflatingMailbox m = mailbox(2);
        m.offer(frame(1, null));
        assertEquals("#1", drain(m).get(0));
        m.offer(frame(2, null));
        m.offer(frame(3, null));
        m.offer(frame(4, null));
        m.offer(frame(5, null));
        assertEquals(2, m.dropped());
        assertEquals(List.of("lagged 2@1", "#4", "#5"), drain(m), "two dropped after seq 1: resubscribing from 1 gets them back");
        for (int i = 6; i < 10_000; i++) {
            m.offer(frame(i, i % 2 == 0 ? "btc" : null));
            assertTrue(m.size() <= 2);
        }
    }

    @Test
    void anEmptyMailboxWakesItsTakerOnceWhenTheNextMessageArrives() {
        ConflatingMailbox m = mailbox(8);
        AtomicInteger wakeups = new AtomicInteger();
        m.onAvailable(wakeups::incrementAndGet);
        m.offer(frame(1, null));
        assertEquals(0, wakeups.get(), "nobody was waiting");
        drain(m);
        assertNull(m.take());
        m.offer(frame(2, null));
        m.offer(frame(3, null));
        assertEquals(1, wakeups.get());
    }
}
