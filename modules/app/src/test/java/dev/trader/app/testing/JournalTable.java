package dev.trader.app.testing;

import com.typesafe.config.Config;
import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the journal table directly, to check what the entities wrote. */
public final class JournalTable {
    private final JdbcSettings jdbc;

    public JournalTable(Config config) {
        this.jdbc = JdbcSettings.from(config);
    }

    public long rows() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             // Not the shards' own bookkeeping of remembered entities (/sharding/...): only what the engine journals.
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" NOT LIKE '/sharding/%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Persistence ids whose sequence numbers are not exactly 1..n. */
    public List<String> nonContiguousPersistenceIds() throws Exception {
        List<String> bad = new ArrayList<>();
        String sql = "SELECT \"persistence_id\", COUNT(*), MIN(\"sequence_number\"), MAX(\"sequence_number\") FROM \"event_journal\" GROUP BY \"persistence_id\"";
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getLong(3) != 1 || rs.getLong(4) != rs.getLong(2)) {
                    bad.add(rs.getString(1) + " count=" + rs.getLong(2) + " min=" + rs.getLong(3) + " max=" + rs.getLong(4));
                }
            }
        }
        return bad;
    }
}
