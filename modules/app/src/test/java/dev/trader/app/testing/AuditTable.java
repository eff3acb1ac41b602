package dev.trader.app.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.trader.engine.persistence.JdbcSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The audit trail's tables and the journal's audit tags, read and changed with plain JDBC, as an intruder would. */
public final class AuditTable {
    private final JdbcSettings jdbc;

    public AuditTable(Config config) {
        this.jdbc = JdbcSettings.from(config);
    }

    /** Waits until every event tagged for the audit is in the trail and the offset is past the last; returns the record count. */
    public long awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            long tagged = single("SELECT COUNT(*) FROM \"event_tag\" WHERE \"tag\" = 'audit'");
            long lastTagged = single("SELECT COALESCE(MAX(\"event_id\"), 0) FROM \"event_tag\" WHERE \"tag\" = 'audit'");
            long records = count();
            if (tagged > 0 && records == tagged && offset() == lastTagged) {
                return records;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the audit trail did not catch up with the journal: " + count() + " records, offset " + offset());
    }

    public long count() throws SQLException {
        return single("SELECT COUNT(*) FROM audit_log");
    }

    public long offset() throws SQLException {
        return single("SELECT journal_ordering FROM audit_offset WHERE projection = 'audit'");
    }

    /** Events recorded twice (there must be none). */
    public long duplicates() throws SQLException {
        return single("SELECT COUNT(*) FROM (SELECT persistence_id, sequence_nr FROM audit_log GROUP BY persistence_id, sequence_nr "
                + "HAVING COUNT(*) > 1) d");
    }

    /** How many records of each event type, by entity type ({@code Order/OrderFilled}). */
    public Map<String, Long> types() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT persistence_id, event_type FROM audit_log")) {
            while (rs.next()) {
                String entity = rs.getString(1).substring(0, rs.getString(1).indexOf('|'));
                out.merge(entity + "/" + rs.getString(2), 1L, Long::sum);
            }
        }
        return out;
    }

    public String column(long seq, String column) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("SELECT " + column + " FROM audit_log WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no audit record " + seq);
                }
                return rs.getString(1);
            }
        }
    }

    /** Runs one statement with the given parameters; returns the rows it changed. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        }
    }

    /** A config file for {@code trader audit verify --config}: the production conf/ with the test's journal. */
    public static Path overlay(Map<String, Object> journal, Path dir) throws Exception {
        StringBuilder text = new StringBuilder("include classpath(\"application.conf\")\n");
        journal.forEach((k, v) -> text.append(k).append(" = ").append(ConfigUtil.quoteString(String.valueOf(v))).append('\n'));
        Path file = dir.resolve("audit-" + System.nanoTime() + ".conf");
        Files.writeString(file, text);
        return file;
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }
}
