package dev.trader.engine.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The journal's newest ordering number (0 for an empty journal): where a reader that wants only
 * what is written from now on starts. Blocking JDBC, for boot. Both schemas name the table and the
 * column in lower case ({@code src-shared/sql/<dialect>/V1__journal.sql}), which the quoted names match.
 */
public final class JournalHead {
    private JournalHead() {
    }

    public static long ordering(JdbcSettings jdbc) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(\"ordering\"), 0) FROM \"event_journal\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
