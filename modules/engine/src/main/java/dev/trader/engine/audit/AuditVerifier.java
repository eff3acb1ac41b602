package dev.trader.engine.audit;

import dev.trader.engine.audit.AuditVerification.Failure;
import dev.trader.engine.audit.AuditVerification.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Checks the whole audit trail in seq order: seqs run 1, 2, 3... without a gap, each record's
 * prev_hash is the hash of the one before (the genesis hash for the first), and each record's
 * fields hash to its hash ({@link AuditChain}). Stops at the first bad record. Rows are streamed
 * (a cursor of {@link #FETCH_SIZE}), never all held in memory.
 */
public final class AuditVerifier {
    static final int FETCH_SIZE = 1000;

    private AuditVerifier() {
    }

    public static AuditVerification verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        // PostgreSQL streams with a cursor only inside a transaction; it only reads, so it is rolled back.
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement("SELECT seq, recorded_at, persistence_id, sequence_nr, event_type, payload, prev_hash, hash "
                + "FROM audit_log ORDER BY seq")) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery()) {
                return verify(rs);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static AuditVerification verify(ResultSet rs) throws SQLException {
        long checked = 0;
        long seq = 0;
        String hash = AuditChain.GENESIS;
        while (rs.next()) {
            AuditRecord r = new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
            Failure failure = check(r, seq, hash);
            if (failure != null) {
                return new AuditVerification(checked, seq, hash, failure);
            }
            checked++;
            seq = r.seq();
            hash = r.hash();
        }
        return new AuditVerification(checked, seq, hash, null);
    }

    /** What is wrong with {@code r} coming after the record {@code (seq, hash)}; null if nothing. */
    static Failure check(AuditRecord r, long seq, String hash) {
        if (r.seq() != seq + 1) {
            String where = seq == 0 ? "the trail starts at seq " + r.seq() : "seq " + seq + " is followed by seq " + r.seq();
            return new Failure(seq + 1, Problem.GAP, "record " + (seq + 1) + " is missing: " + where);
        }
        if (!r.prevHash().equals(hash)) {
            return new Failure(r.seq(), Problem.BROKEN_LINK, "its prev_hash " + r.prevHash() + " is not the hash " + hash + " of "
                    + (seq == 0 ? "the genesis" : "record " + seq));
        }
        String expected = AuditChain.expectedHash(r);
        if (!r.hash().equals(expected)) {
            return new Failure(r.seq(), Problem.HASH_MISMATCH, "its fields hash to " + expected + ", not to its hash " + r.hash()
                    + ": the record was changed after it was written");
        }
        return null;
    }
}
