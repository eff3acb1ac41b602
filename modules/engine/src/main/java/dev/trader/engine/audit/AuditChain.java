package dev.trader.engine.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail. A record's hash is
 * {@code hex(SHA-256(canonical(record) ‖ prev_hash))}, where {@code prev_hash} is the hash of the
 * record before it (64 zeros before the first) as its 64 lowercase hex characters in ASCII, and
 * {@code canonical(record)} is the netstrings ({@code <length in bytes>:<UTF-8 bytes>,}) of, in this
 * order: seq (decimal), recorded_at ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}, UTC), persistence_id,
 * sequence_nr (decimal), event_type and payload. Length prefixes make the encoding unambiguous: no
 * two different records have the same bytes, whatever their text contains.
 */
public final class AuditChain {
    /** The {@code prev_hash} of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter RECORDED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The record that follows the chain's head ({@code headSeq} 0 and {@link #GENESIS}: the first record). */
    public static AuditRecord next(long headSeq, String headHash, AuditedEvent e) {
        long seq = headSeq + 1;
        String hash = hash(seq, e.recordedAt(), e.persistenceId(), e.sequenceNr(), e.eventType(), e.payload(), headHash);
        return new AuditRecord(seq, e.recordedAt(), e.persistenceId(), e.sequenceNr(), e.eventType(), e.payload(), headHash, hash);
    }

    /** The hash {@code record} must have, from its fields and its {@code prevHash}. */
    public static String expectedHash(AuditRecord r) {
        return hash(r.seq(), r.recordedAt(), r.persistenceId(), r.sequenceNr(), r.eventType(), r.payload(), r.prevHash());
    }

    static String hash(long seq, Instant recordedAt, String persistenceId, long sequenceNr, String eventType, String payload, String prevHash) {
        MessageDigest sha256 = sha256();
        sha256.update(canonical(seq, recordedAt, persistenceId, sequenceNr, eventType, payload));
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(sha256.digest());
    }

    /** The canonical bytes of a record (without its links): see the class comment. */
    static byte[] canonical(long seq, Instant recordedAt, String persistenceId, long sequenceNr, String eventType, String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length() + 128);
        netstring(out, Long.toString(seq));
        netstring(out, RECORDED_AT.format(recordedAt));
        netstring(out, persistenceId);
        netstring(out, Long.toString(sequenceNr));
        netstring(out, eventType);
        netstring(out, payload);
        return out.toByteArray();
    }

    private static void netstring(ByteArrayOutputStream out, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write(',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
