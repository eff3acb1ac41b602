package dev.trader.app;

import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the journal itself must show after any failure: every entity's sequence numbers run
 * 1..n without a hole, and each entity had one writer at a time: the writer (an incarnation of
 * the entity) changes only forward, never back to one that wrote before another. An entity alive
 * on two nodes at once writes from both, which is the A-B-A pattern found here (the primary key
 * already refuses the same sequence number twice).
 */
final class JournalChecks {
    record Result(long events, long persistenceIds, List<String> holes, List<String> interleavedWriters) {
        boolean clean() {
            return holes.isEmpty() && interleavedWriters.isEmpty();
        }
    }

    private JournalChecks() {
    }

    static Result check(JdbcSettings jdbc) throws Exception {
        List<String> holes = new ArrayList<>();
        List<String> interleaved = new ArrayList<>();
        long events = 0;
        long ids = 0;
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT persistence_id, COUNT(*), MIN(sequence_number), MAX(sequence_number) FROM event_journal "
                    + "GROUP BY persistence_id")) {
                while (rs.next()) {
                    ids++;
                    events += rs.getLong(2);
                    if (rs.getLong(3) != 1 || rs.getLong(4) != rs.getLong(2)) {
                        holes.add(rs.getString(1) + ": " + rs.getLong(2) + " events numbered " + rs.getLong(3) + ".." + rs.getLong(4));
                    }
                }
            }
            st.setFetchSize(10_000);
            c.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("SELECT persistence_id, sequence_number, writer FROM event_journal ORDER BY persistence_id, sequence_number")) {
                String id = null;
                String writer = null;
                Set<String> earlier = new HashSet<>();
                while (rs.next()) {
                    if (!rs.getString(1).equals(id)) {
                        id = rs.getString(1);
                        writer = null;
                        earlier.clear();
                    }
                    String w = rs.getString(3);
                    if (!w.equals(writer)) {
                        if (earlier.contains(w)) {
                            interleaved.add(id + ": writer " + w + " wrote again at sequence " + rs.getLong(2) + " after " + writer);
                        }
                        if (writer != null) {
                            earlier.add(writer);
                        }
                        writer = w;
                    }
                }
            }
        }
        return new Result(events, ids, holes, interleaved);
    }
}
