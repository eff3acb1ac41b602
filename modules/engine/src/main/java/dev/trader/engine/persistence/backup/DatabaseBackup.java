package dev.trader.engine.persistence.backup;

import dev.trader.engine.persistence.JdbcSettings;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a logical backup of every table of {@link BackupTables} into one gzipped file (see {@link BackupFileWriter}),
 * all of it read in one read-only REPEATABLE READ transaction: one snapshot of the database, consistent even while a
 * node keeps writing (on PostgreSQL; H2's file is the node's alone, so there the node is stopped). The file is written
 * under a temporary name and renamed when complete, so a file with the name asked for is always whole.
 */
public final class DatabaseBackup {
    /** What was written: the manifest, the file and the file's own SHA-256 (to note down next to it). */
    public record Result(BackupManifest manifest, Path file, long fileBytes, String fileSha256) {
    }

    private DatabaseBackup() {
    }

    public static Result take(JdbcSettings jdbc, Path out, Clock clock) {
        if (Files.exists(out)) {
            throw new BackupException("backup file " + out + " exists already; a backup never overwrites one (choose a new name)");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            BackupManifest manifest;
            String fileSha;
            try (Connection c = connect(jdbc); BackupFileWriter writer = new BackupFileWriter(partial)) {
                manifest = write(jdbc, c, writer, clock.instant());
                fileSha = writer.finish(manifest);
            }
            move(partial, out);
            return new Result(manifest, out, Files.size(out), fileSha);
        } catch (SQLException e) {
            throw new BackupException("cannot back up " + jdbc.redactedUrl() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot write backup file " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the error that brought us here is the one to report
            }
        }
    }

    private static BackupManifest write(JdbcSettings jdbc, Connection c, BackupFileWriter writer, Instant at) throws SQLException, IOException {
        TableCopy copy = TableCopy.of(jdbc.dialect());
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            copy.prepare(c);
            writer.header(jdbc.dialect());
            List<BackupManifest.TableEntry> entries = new ArrayList<>();
            for (BackupTables.Table t : BackupTables.ALL) {
                TableShape shape = TableShape.require(c, t);
                List<String> columns = shape.columnNames();
                Long max = null;
                String identity = shape.identity().map(TableShape.Column::name).orElse(null);
                if (identity != null) {
                    max = max(c, shape, identity);
                }
                BackupFileWriter.Section section = writer.table(t.name());
                long rows = copy.dump(c, shape, columns, section);
                // Closing ends the section; on a failure the whole file is dropped, so nothing needs closing then.
                section.close();
                SectionDigest digest = section.digest();
                if (rows != digest.rows()) {
                    throw new BackupException("table " + t.name() + ": " + rows + " row(s) read but " + digest.rows() + " line(s) written");
                }
                entries.add(new BackupManifest.TableEntry(t.name(), columns, rows, digest.bytes(), digest.sha256(), identity, max));
            }
            return new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, jdbc.dialect(), at.toString(), jdbc.redactedUrl(), entries);
        } finally {
            c.rollback();
        }
    }

    static Long max(Connection c, TableShape shape, String column) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(" + TableShape.quote(shape.column(column).actualName()) + ") FROM " + shape.quotedName())) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** On H2, never create an empty database where none is: backing up nothing is a mistake in the path. */
    static Connection connect(JdbcSettings jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc.existingOnlyUrl(), jdbc.user(), jdbc.password());
    }
}
