package dev.trader.engine.persistence.backup;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.SchemaInitializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Restores a backup into an empty database, all or nothing:
 * <ol>
 * <li>the whole file is read and checked against its manifest ({@link BackupFileCheck}) before the database is touched;</li>
 * <li>the target must be of the backup's dialect and hold no rows in any of our tables (the schema script's own offset
 * row aside): a restore never merges into, nor replaces, a journal;</li>
 * <li>the schema is created ({@link SchemaInitializer}, as at a node's boot) and must have the backup's columns;</li>
 * <li>in one transaction (the tables locked on PostgreSQL, so no node can write meanwhile) every table is loaded, then
 * counted and written out again and hashed, which must give the manifest's rows and SHA-256, and the journal's
 * {@code ordering} sequence is set to continue after the restored maximum; only then is it committed.</li>
 * </ol>
 * Anything wrong rolls the whole load back and says which table and what.
 */
public final class DatabaseRestore {
    private DatabaseRestore() {
    }

    public static BackupManifest restore(JdbcSettings jdbc, Path file) {
        BackupManifest manifest = BackupFileCheck.verify(file);
        if (!manifest.dialect().equals(jdbc.dialect())) {
            throw new RestoreRefused(file + " is a backup of a " + manifest.dialect() + " database; the target " + jdbc.redactedUrl() + " is "
                    + jdbc.dialect() + " (a backup restores into the dialect it was taken from)");
        }
        TableCopy copy = TableCopy.of(jdbc.dialect());
        try {
            try (Connection c = connect(jdbc)) {
                refuseIfNotEmpty(jdbc, c);
            }
            try {
                SchemaInitializer.apply(jdbc);
            } catch (IllegalStateException e) {
                throw new BackupException(e.getMessage(), e);
            }
            try (Connection c = connect(jdbc)) {
                Map<String, TableShape> shapes = shapes(c, manifest);
                if (copy.continueAfterCommits()) {
                    continueIdentities(c, copy, manifest, shapes);
                }
                load(jdbc, c, copy, file, manifest, shapes);
            }
            return manifest;
        } catch (SQLException e) {
            throw new BackupException("cannot restore into " + jdbc.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void load(JdbcSettings jdbc, Connection c, TableCopy copy, Path file, BackupManifest manifest, Map<String, TableShape> shapes)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            copy.prepare(c);
            if ("postgres".equals(jdbc.dialect())) {
                lock(c, shapes.values());
            }
            refuseIfNotEmpty(jdbc, c);
            for (TableShape shape : shapes.values()) {
                if (shape.table().seedRows() != null) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM " + shape.quotedName() + " WHERE " + shape.table().seedRows());
                    }
                }
            }
            loadTables(c, copy, file, manifest, shapes);
            check(c, copy, manifest, shapes);
            if (!copy.continueAfterCommits()) {
                continueIdentities(c, copy, manifest, shapes);
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("restore into " + jdbc.redactedUrl() + " failed and was rolled back, nothing is restored: " + e.getMessage(), e);
        }
    }

    /** Pass two over the file: each table's section streamed into the table, and digested again on the way. */
    private static void loadTables(Connection c, TableCopy copy, Path file, BackupManifest manifest, Map<String, TableShape> shapes)
            throws SQLException, IOException {
        try (BackupFileReader reader = BackupFileReader.open(file)) {
            reader.header();
            for (BackupManifest.TableEntry e : manifest.tables()) {
                String heading = reader.nextHeading();
                if (!heading.equals("table " + e.name())) {
                    throw new CorruptBackup(file + " changed while it was restored: expected table " + e.name() + " but found '" + heading + "'");
                }
                BackupFileReader.Section section = reader.section("table " + e.name());
                long rows = copy.load(c, shapes.get(e.name()), e.columns(), section);
                SectionDigest d = section.drain().digest();
                if (rows != e.rows() || !d.sha256().equals(e.sha256())) {
                    throw new CorruptBackup(file + " changed while it was restored: table " + e.name() + " loaded " + rows + " row(s), SHA-256 "
                            + d.sha256() + "; the manifest says " + e.rows() + ", " + e.sha256());
                }
            }
        }
    }

    /** What the database now holds must be exactly the backup: the same rows, written out again to the same bytes. */
    private static void check(Connection c, TableCopy copy, BackupManifest manifest, Map<String, TableShape> shapes) throws SQLException, IOException {
        for (BackupManifest.TableEntry e : manifest.tables()) {
            TableShape shape = shapes.get(e.name());
            long count = count(c, shape, null);
            if (count != e.rows()) {
                throw new BackupException("table " + e.name() + " holds " + count + " row(s) after loading; the manifest says " + e.rows());
            }
            DigestingSink sink = new DigestingSink();
            copy.dump(c, shape, e.columns(), sink);
            String sha = sink.digest.sha256();
            if (!sha.equals(e.sha256())) {
                throw new BackupException("table " + e.name() + " does not read back as it was backed up (SHA-256 " + sha + ", manifest " + e.sha256()
                        + ")");
            }
            if (e.identityColumn() != null) {
                Long max = DatabaseBackup.max(c, shape, e.identityColumn());
                if (!java.util.Objects.equals(max, e.identityMax())) {
                    throw new BackupException("table " + e.name() + ": the highest " + e.identityColumn() + " is " + max + " after loading; the manifest says "
                            + e.identityMax());
                }
            }
        }
    }

    private static void continueIdentities(Connection c, TableCopy copy, BackupManifest manifest, Map<String, TableShape> shapes) throws SQLException {
        for (BackupManifest.TableEntry e : manifest.tables()) {
            if (e.identityColumn() != null) {
                TableShape shape = shapes.get(e.name());
                copy.continueAfter(c, shape, shape.column(e.identityColumn()), e.identityMax());
            }
        }
    }

    /** The target's tables, which must have exactly the backup's columns. */
    private static Map<String, TableShape> shapes(Connection c, BackupManifest manifest) throws SQLException {
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        for (BackupTables.Table t : BackupTables.ALL) {
            TableShape shape = TableShape.require(c, t);
            TreeSet<String> have = new TreeSet<>(shape.columnNames());
            TreeSet<String> want = new TreeSet<>(manifest.table(t.name()).columns());
            if (!have.equals(want)) {
                TreeSet<String> missing = new TreeSet<>(want);
                missing.removeAll(have);
                TreeSet<String> extra = new TreeSet<>(have);
                extra.removeAll(want);
                throw new RestoreRefused("table " + t.name() + " of the target does not have the backup's columns (missing " + missing + ", not in the backup "
                        + extra + "): the backup was taken by another version of the schema");
            }
            shapes.put(t.name(), shape);
        }
        return shapes;
    }

    private static void refuseIfNotEmpty(JdbcSettings jdbc, Connection c) throws SQLException {
        List<String> full = new ArrayList<>();
        for (BackupTables.Table t : BackupTables.ALL) {
            Optional<TableShape> shape = TableShape.find(c, t);
            if (shape.isPresent()) {
                long rows = count(c, shape.get(), t.seedRows());
                if (rows > 0) {
                    full.add("table " + t.name() + " has " + rows + " row(s)");
                }
            }
        }
        if (!full.isEmpty()) {
            throw new RestoreRefused("the target database " + jdbc.redactedUrl() + " is not empty: " + String.join(", ", full)
                    + "; a restore goes into a new, empty database only (create one, point the config at it, and restore again)");
        }
    }

    /** Rows, leaving out those matching {@code except} (the schema's seed rows) when given. */
    private static long count(Connection c, TableShape shape, String except) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + shape.quotedName() + (except == null ? "" : " WHERE NOT (" + except + ")");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void lock(Connection c, java.util.Collection<TableShape> shapes) throws SQLException {
        List<String> names = shapes.stream().map(TableShape::quotedName).toList();
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE " + String.join(", ", names) + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    private static Connection connect(JdbcSettings jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }

    /** Digests what a table writes, without keeping it. */
    private static final class DigestingSink extends OutputStream {
        private final SectionDigest digest = new SectionDigest();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }
}
