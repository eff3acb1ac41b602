package dev.trader.engine.persistence.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: {@code COPY (SELECT … ORDER BY key) TO STDOUT} and {@code COPY … FROM STDIN} in the text format, through the
 * driver's {@link CopyManager}: the server's own fast path, no pg_dump needed (whose version would have to match the
 * server's). The session's time zone, date and bytea styles are fixed so the text is the same on any server.
 */
final class PostgresTableCopy implements TableCopy {
    @Override
    public void prepare(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL TimeZone = 'UTC'");
            st.execute("SET LOCAL DateStyle = 'ISO, MDY'");
            st.execute("SET LOCAL bytea_output = 'hex'");
        }
    }

    @Override
    public long dump(Connection c, TableShape table, List<String> columns, OutputStream out) throws SQLException, IOException {
        String sql = "COPY (SELECT " + table.quotedColumns(columns) + " FROM " + table.quotedName() + " ORDER BY " + table.orderBy(true)
                + ") TO STDOUT";
        return copy(c).copyOut(sql, out);
    }

    @Override
    public long load(Connection c, TableShape table, List<String> columns, InputStream in) throws SQLException, IOException {
        return copy(c).copyIn("COPY " + table.quotedName() + " (" + table.quotedColumns(columns) + ") FROM STDIN", in, BackupFileWriter.CHUNK);
    }

    @Override
    public void continueAfter(Connection c, TableShape table, TableShape.Column column, Long max) throws SQLException {
        String sequence;
        try (PreparedStatement st = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            st.setString(1, table.quotedName());
            st.setString(2, column.actualName());
            try (ResultSet rs = st.executeQuery()) {
                sequence = rs.next() ? rs.getString(1) : null;
            }
        }
        if (sequence == null) {
            throw new BackupException("column " + column.name() + " of table " + table.table().name() + " numbers itself but has no sequence to set");
        }
        // setval(seq, max, true): the next value is max + 1; setval(seq, 1, false): the next is 1.
        try (PreparedStatement st = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            st.setString(1, sequence);
            st.setLong(2, max == null ? 1 : max);
            st.setBoolean(3, max != null);
            st.executeQuery().close();
        }
    }

    @Override
    public boolean continueAfterCommits() {
        return false;
    }

    private static CopyManager copy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }
}
