package dev.trader.app.testing;

import com.typesafe.config.Config;
import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The read model's tables, read and changed with plain JDBC. */
public final class ReadModelTables {
    public static final List<String> TABLES = List.of("rm_orders", "rm_fills", "rm_positions", "rm_trades", "rm_signals", "rm_applied");
    private final JdbcSettings jdbc;

    public ReadModelTables(Config config) {
        this.jdbc = JdbcSettings.from(config);
    }

    /** Waits until the projection's offset is at the last event tagged for it; returns that offset. */
    public long awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long lastTagged = single("SELECT COALESCE(MAX(\"event_id\"), 0) FROM \"event_tag\" WHERE \"tag\" = 'audit'");
            if (lastTagged > 0 && offset() == lastTagged) {
                return lastTagged;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read model did not catch up with the journal: offset " + offset());
    }

    public long offset() throws SQLException {
        return single("SELECT journal_ordering FROM rm_offset WHERE projection = 'read-model'");
    }

    public long count(String table) throws SQLException {
        return single("SELECT COUNT(*) FROM " + table);
    }

    /** Every row of every table but the offset's, as text, in key order: equal dumps, equal read models. */
    public String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect()) {
            for (String table : TABLES) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        out.append(table);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            out.append('|').append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        }
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
