package dev.trader.api;

import dev.trader.engine.audit.AuditHead;
import java.time.Instant;

/** {@code GET /api/audit/head}: the newest record of the audit trail (seq 0 and the genesis hash while it is empty). */
public record AuditHeadView(boolean enabled, long seq, String hash, Instant recordedAt, long count) {
    static AuditHeadView of(AuditHead head) {
        return new AuditHeadView(true, head.seq(), head.hash(), head.recordedAt(), head.count());
    }
}
