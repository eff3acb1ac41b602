package dev.trader.engine.audit;

import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit trail's tables ({@code src-shared/sql/<dialect>/V2__audit.sql}): appends records after
 * the chain's head and moves the projection's offset, both in one transaction, and reads the head.
 * Blocking JDBC: callers run it off the actors' threads.
 */
public final class AuditStore {
    private static final String PROJECTION = "audit";
    private final JdbcSettings jdbc;

    public AuditStore(JdbcSettings jdbc) {
        this.jdbc = jdbc;
    }

    /** The journal ordering of the last event taken in: the next read starts after it. */
    public long offset() throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT journal_ordering FROM audit_offset WHERE projection = ?")) {
            st.setString(1, PROJECTION);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_offset has no row for '" + PROJECTION + "': the schema script did not run");
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * Chains {@code events} (in journal order) after the head and sets the offset to the last one's
     * ordering, all or nothing. The offset row is locked first, so writers take turns even if two
     * ever ran; an event already in the trail (same persistence id and sequence number) is skipped,
     * so taking a batch in again after a crash adds nothing. Returns the records written.
     */
    public int append(List<AuditedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                int written = append(c, events);
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int append(Connection c, List<AuditedEvent> events) throws SQLException {
        long offset = lockOffset(c);
        AuditHead head = head(c, false);
        long seq = head.seq();
        String hash = head.hash();
        int written = 0;
        try (PreparedStatement exists = c.prepareStatement("SELECT seq FROM audit_log WHERE persistence_id = ? AND sequence_nr = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, recorded_at, persistence_id, sequence_nr, event_type, payload, "
                     + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditedEvent e : events) {
                offset = Math.max(offset, e.journalOrdering());
                if (present(exists, e)) {
                    continue;
                }
                AuditRecord r = AuditChain.next(seq, hash, e);
                insert.setLong(1, r.seq());
                insert.setObject(2, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
                insert.setString(3, r.persistenceId());
                insert.setLong(4, r.sequenceNr());
                insert.setString(5, r.eventType());
                insert.setString(6, r.payload());
                insert.setString(7, r.prevHash());
                insert.setString(8, r.hash());
                insert.addBatch();
                seq = r.seq();
                hash = r.hash();
                written++;
            }
            if (written > 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE audit_offset SET journal_ordering = ? WHERE projection = ?")) {
            st.setLong(1, offset);
            st.setString(2, PROJECTION);
            st.executeUpdate();
        }
        return written;
    }

    private static long lockOffset(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT journal_ordering FROM audit_offset WHERE projection = ? FOR UPDATE")) {
            st.setString(1, PROJECTION);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_offset has no row for '" + PROJECTION + "': the schema script did not run");
                }
                return rs.getLong(1);
            }
        }
    }

    private static boolean present(PreparedStatement exists, AuditedEvent e) throws SQLException {
        exists.setString(1, e.persistenceId());
        exists.setLong(2, e.sequenceNr());
        try (ResultSet rs = exists.executeQuery()) {
            return rs.next();
        }
    }

    /** The newest record and the number of rows. */
    public AuditHead head() throws SQLException {
        try (Connection c = connect()) {
            return head(c, true);
        }
    }

    private static AuditHead head(Connection c, boolean count) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash, recorded_at FROM audit_log ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            if (!rs.next()) {
                return AuditHead.empty();
            }
            long seq = rs.getLong(1);
            String hash = rs.getString(2);
            OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
            return new AuditHead(seq, hash, at.toInstant(), count ? count(c) : seq);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }
}
