package dev.trader.engine.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An audited event read from the journal, encoded and waiting for its place in the chain.
 * {@code journalOrdering} is where it is in the journal (the projection's offset after it).
 */
public record AuditedEvent(long journalOrdering, Instant recordedAt, String persistenceId, long sequenceNr, String eventType, String payload) {
    public AuditedEvent {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(persistenceId, "persistenceId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        // Both databases keep at least microseconds; milliseconds are what the journal records anyway.
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
