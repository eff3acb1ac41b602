package dev.trader.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant AT = Instant.parse("2024-01-02T03:04:05.006Z");
    private static final AuditedEvent EVENT = new AuditedEvent(7, AT, "Order|abc", 3, "OrderFilled", "{\"fill\":{\"price\":\"1.50\"}}");

    @Test
    void theFirstRecordLinksToTheGenesisAndHashesTheDocumentedBytes() throws Exception {
        AuditRecord first = AuditChain.next(0, AuditChain.GENESIS, EVENT);

        assertEquals(1, first.seq());
        assertEquals("0".repeat(64), first.prevHash());
        // The encoding of AuditChain's comment, written out by hand: netstrings of the fields, then prev_hash in ASCII.
        String bytes = "1:1,24:2024-01-02T03:04:05.006Z,9:Order|abc,1:3,11:OrderFilled,25:{\"fill\":{\"price\":\"1.50\"}},"
                + "0".repeat(64);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, first.hash());
        assertEquals(64, first.hash().length());
    }

    @Test
    void theSameRecordAlwaysHashesTheSame() {
        assertEquals(AuditChain.next(4, "ab".repeat(32), EVENT), AuditChain.next(4, "ab".repeat(32), EVENT));
    }

    @Test
    void eachRecordSealsTheOneBeforeIt() {
        AuditRecord first = AuditChain.next(0, AuditChain.GENESIS, EVENT);
        AuditRecord second = AuditChain.next(first.seq(), first.hash(), EVENT);
        AuditRecord afterAnotherFirst = AuditChain.next(1, AuditChain.next(0, AuditChain.GENESIS, withPayload("{}")).hash(), EVENT);

        assertEquals(2, second.seq());
        assertEquals(first.hash(), second.prevHash());
        assertNotEquals(second.hash(), afterAnotherFirst.hash(), "a different record before it changes the hash");
        assertEquals(second.hash(), AuditChain.expectedHash(second));
    }

    @Test
    void everyFieldIsPartOfTheHash() {
        AuditRecord r = AuditChain.next(9, "cd".repeat(32), EVENT);
        String h = r.hash();
        List<AuditRecord> changed = List.of(
                new AuditRecord(11, r.recordedAt(), r.persistenceId(), r.sequenceNr(), r.eventType(), r.payload(), r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt().plusMillis(1), r.persistenceId(), r.sequenceNr(), r.eventType(), r.payload(), r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt(), "Order|abd", r.sequenceNr(), r.eventType(), r.payload(), r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt(), r.persistenceId(), 4, r.eventType(), r.payload(), r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt(), r.persistenceId(), r.sequenceNr(), "OrderCancelled", r.payload(), r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt(), r.persistenceId(), r.sequenceNr(), r.eventType(), "{\"fill\":{\"price\":\"1.5\"}}",
                        r.prevHash(), h),
                new AuditRecord(r.seq(), r.recordedAt(), r.persistenceId(), r.sequenceNr(), r.eventType(), r.payload(), "ce".repeat(32), h));
        for (AuditRecord c : changed) {
            assertNotEquals(h, AuditChain.expectedHash(c), c.toString());
        }
    }

    @Test
    void textMovedFromOneFieldToTheNextIsADifferentRecord() {
        // Without length prefixes both would be the bytes "Order|abc,X...": the prefixes keep them apart.
        AuditedEvent a = new AuditedEvent(1, AT, "Order|abc", 3, "X", "{}");
        AuditedEvent b = new AuditedEvent(1, AT, "Order|ab", 3, "cX", "{}");
        assertNotEquals(AuditChain.next(0, AuditChain.GENESIS, a).hash(), AuditChain.next(0, AuditChain.GENESIS, b).hash());
    }

    @Test
    void recordedAtKeepsMilliseconds() {
        AuditedEvent e = new AuditedEvent(1, Instant.parse("2024-01-02T03:04:05.006789Z"), "p", 1, "T", "{}");
        assertEquals(Instant.parse("2024-01-02T03:04:05.006Z"), e.recordedAt());
    }

    private static AuditedEvent withPayload(String payload) {
        return new AuditedEvent(EVENT.journalOrdering(), EVENT.recordedAt(), EVENT.persistenceId(), EVENT.sequenceNr(), EVENT.eventType(), payload);
    }
}
