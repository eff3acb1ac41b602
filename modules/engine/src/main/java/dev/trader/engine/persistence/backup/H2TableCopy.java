package dev.trader.engine.persistence.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/**
 * H2: plain {@code SELECT … ORDER BY key} and batched {@code INSERT}s, each row as one line of {@link H2RowText}. H2 has
 * no COPY, and its SCRIPT command writes SQL whose bytes differ with the H2 version, which would defeat the hashes.
 */
final class H2TableCopy implements TableCopy {
    private static final int BATCH = 500;

    @Override
    public void prepare(Connection c) {
        // H2 writes and reads values in one fixed form already.
    }

    @Override
    public long dump(Connection c, TableShape table, List<String> columns, OutputStream out) throws SQLException, IOException {
        List<TableShape.Column> cols = columns.stream().map(table::column).toList();
        long rows = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(BATCH);
            try (ResultSet rs = st.executeQuery("SELECT " + table.quotedColumns(columns) + " FROM " + table.quotedName() + " ORDER BY "
                    + table.orderBy(false))) {
                while (rs.next()) {
                    out.write(H2RowText.encode(table, cols, rs).getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
        }
        return rows;
    }

    @Override
    public long load(Connection c, TableShape table, List<String> columns, InputStream in) throws SQLException, IOException {
        List<TableShape.Column> cols = columns.stream().map(table::column).toList();
        String sql = "INSERT INTO " + table.quotedName() + " (" + table.quotedColumns(columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        long rows = 0;
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BackupFileWriter.CHUNK);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                H2RowText.bind(table, cols, line, ++rows, insert);
                insert.addBatch();
                if (rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    @Override
    public void continueAfter(Connection c, TableShape table, TableShape.Column column, Long max) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table.quotedName() + " ALTER COLUMN " + TableShape.quote(column.actualName()) + " RESTART WITH "
                    + (max == null ? 1 : max + 1));
        }
    }

    @Override
    public boolean continueAfterCommits() {
        return true;
    }
}
