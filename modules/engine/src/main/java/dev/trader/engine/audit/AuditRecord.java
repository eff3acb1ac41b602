package dev.trader.engine.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code audit_log}: an audited event at position {@code seq} of the chain, linked to
 * the record before it by {@code prevHash} and sealed by {@code hash} (see {@link AuditChain}).
 *
 * @param recordedAt when the event was journaled (the journal's write time), to the millisecond
 * @param eventType  the event's record name ({@code OrderFilled}); the persistence id says which entity
 * @param payload    the event as canonical JSON ({@link CanonicalJson})
 */
public record AuditRecord(long seq, Instant recordedAt, String persistenceId, long sequenceNr, String eventType, String payload,
                          String prevHash, String hash) {
    public AuditRecord {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(persistenceId, "persistenceId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
