package dev.trader.engine.readmodel;

import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model's tables ({@code src-shared/sql/<dialect>/V3__read_model.sql}): takes in a batch of
 * journaled events and moves the projection's offset, both in one transaction. The offset row is
 * locked first, so writers take turns even if two ever ran; an event at or below the last one taken
 * in from its entity ({@code rm_applied}) is skipped, so reading the journal again (after a crash, or
 * from an offset set back) changes nothing. Blocking JDBC: callers run it off the actors' threads.
 */
public final class ReadModelStore {
    static final String PROJECTION = "read-model";
    private final JdbcSettings jdbc;
    private final PositionRows positions;

    /** {@code currency}: the account's, which a position is kept in before its first fill says so. */
    public ReadModelStore(JdbcSettings jdbc, String currency) {
        this.jdbc = jdbc;
        this.positions = new PositionRows(currency);
    }

    /** The journal ordering of the last event taken in: the next read starts after it. */
    public long offset() throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT journal_ordering FROM rm_offset WHERE projection = ?")) {
            st.setString(1, PROJECTION);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("rm_offset has no row for '" + PROJECTION + "': the schema script did not run");
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * Takes in {@code events} (in journal order) and sets the offset to the last one's ordering, all
     * or nothing. Returns how many events changed a row (the others were seen before, or are not
     * kept: a kill switch, a bar's risk events).
     */
    public int apply(List<Journaled> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                int applied = apply(c, events);
                c.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int apply(Connection c, List<Journaled> events) throws SQLException {
        long offset = lockOffset(c);
        Map<String, Long> last = new HashMap<>();
        Map<String, Long> moved = new HashMap<>();
        int applied = 0;
        for (Journaled j : events) {
            offset = Math.max(offset, j.ordering());
            long seen = last.containsKey(j.persistenceId()) ? last.get(j.persistenceId()) : lastApplied(c, j.persistenceId());
            if (j.sequenceNr() <= seen) {
                last.put(j.persistenceId(), seen);
                continue;
            }
            if (OrderRows.apply(c, j) || SignalRows.apply(c, j) || positions.apply(c, j)) {
                applied++;
            }
            last.put(j.persistenceId(), j.sequenceNr());
            moved.put(j.persistenceId(), j.sequenceNr());
        }
        for (Map.Entry<String, Long> e : moved.entrySet()) {
            markApplied(c, e.getKey(), e.getValue());
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_offset SET journal_ordering = ? WHERE projection = ?")) {
            st.setLong(1, offset);
            st.setString(2, PROJECTION);
            st.executeUpdate();
        }
        return applied;
    }

    private static long lockOffset(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT journal_ordering FROM rm_offset WHERE projection = ? FOR UPDATE")) {
            st.setString(1, PROJECTION);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("rm_offset has no row for '" + PROJECTION + "': the schema script did not run");
                }
                return rs.getLong(1);
            }
        }
    }

    /** The sequence number of the last event of {@code persistenceId} taken in; 0 if none. */
    private static long lastApplied(Connection c, String persistenceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT sequence_nr FROM rm_applied WHERE persistence_id = ?")) {
            st.setString(1, persistenceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void markApplied(Connection c, String persistenceId, long sequenceNr) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE rm_applied SET sequence_nr = ? WHERE persistence_id = ?")) {
            st.setLong(1, sequenceNr);
            st.setString(2, persistenceId);
            if (st.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rm_applied (persistence_id, sequence_nr) VALUES (?, ?)")) {
            st.setString(1, persistenceId);
            st.setLong(2, sequenceNr);
            st.executeUpdate();
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }
}
