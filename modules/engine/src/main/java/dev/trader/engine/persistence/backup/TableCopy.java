package dev.trader.engine.persistence.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How one dialect writes a table's rows as text and reads them back: PostgreSQL with its own {@code COPY} (text format),
 * H2 with {@link H2RowText}, the same one-row-per-line shape. Both write rows in the table's key order, so the same data
 * always gives the same bytes: that is what lets a restore compare what it loaded with the manifest's hash.
 */
interface TableCopy {
    static TableCopy of(String dialect) {
        return switch (dialect) {
            case "postgres" -> new PostgresTableCopy();
            case "h2" -> new H2TableCopy();
            default -> throw new BackupException("no backup for dialect " + dialect);
        };
    }

    /** Session settings that fix the text form of values (time zone, date and bytea styles), in the current transaction. */
    void prepare(Connection c) throws SQLException;

    /** Writes the rows of {@code table} ({@code columns} in this order) to {@code out}; returns how many. */
    long dump(Connection c, TableShape table, List<String> columns, OutputStream out) throws SQLException, IOException;

    /** Inserts the rows read from {@code in} (as {@link #dump} wrote them) into {@code table}; returns how many. */
    long load(Connection c, TableShape table, List<String> columns, InputStream in) throws SQLException, IOException;

    /** Makes the database number the next new row of {@code column} after {@code max} (from 1 when null: no rows). */
    void continueAfter(Connection c, TableShape table, TableShape.Column column, Long max) throws SQLException;

    /** Whether {@link #continueAfter} commits the transaction (H2's ALTER TABLE does): then it runs before the load. */
    boolean continueAfterCommits();
}
