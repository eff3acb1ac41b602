package dev.trader.engine.audit;

import java.time.Instant;

/**
 * The newest record of the audit trail: its {@code seq}, its {@code hash} (which seals every record
 * before it) and when its event was journaled; {@code count} is how many rows the table holds (equal
 * to {@code seq} unless rows were removed). An empty trail has seq 0, the genesis hash and no time.
 */
public record AuditHead(long seq, String hash, Instant recordedAt, long count) {
    public static AuditHead empty() {
        return new AuditHead(0, AuditChain.GENESIS, null, 0);
    }
}
