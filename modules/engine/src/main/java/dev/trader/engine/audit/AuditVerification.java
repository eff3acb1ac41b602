package dev.trader.engine.audit;

/**
 * What checking the whole audit trail found: {@code checked} records, all sound up to the head
 * ({@code headSeq}, {@code headHash}), or the first bad record in {@code failure}.
 */
public record AuditVerification(long checked, long headSeq, String headHash, Failure failure) {

    public enum Problem {
        /** A seq is missing: a record was removed (or never written). */
        GAP,
        /** The record's prev_hash is not the hash of the record before it. */
        BROKEN_LINK,
        /** The record's fields do not hash to its hash: it was changed after it was written. */
        HASH_MISMATCH
    }

    /** The first bad record: its seq (for a gap, the missing seq), what is wrong and the details. */
    public record Failure(long seq, Problem problem, String detail) {
    }

    public boolean ok() {
        return failure == null;
    }
}
