package dev.trader.engine.persistence.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.SchemaInitializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore on H2 (the in-memory database, the real schema scripts): every value our tables can hold comes back
 * exactly, the journal's numbering continues after the restored maximum, and a restore refuses what it must refuse.
 * The same on a real PostgreSQL, with a trading node on each side, is {@code DatabaseBackupTest} in the app module.
 */
class H2BackupRoundTripTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:05:00Z"), ZoneOffset.UTC);
    private final List<Connection> open = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws SQLException {
        for (Connection c : open) {
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
            c.close();
        }
    }

    private JdbcSettings database(boolean schema) throws SQLException {
        String url = "jdbc:h2:mem:backup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        open.add(DriverManager.getConnection(url, "sa", ""));
        JdbcSettings jdbc = new JdbcSettings("h2", url, "sa", "");
        if (schema) {
            SchemaInitializer.apply(jdbc);
        }
        return jdbc;
    }

    @Test
    void everyTableTheSchemaScriptsCreateIsBackedUp() throws SQLException {
        JdbcSettings jdbc = database(true);
        TreeSet<String> tables = new TreeSet<>();
        try (Connection c = connect(jdbc); ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertEquals(tables, new TreeSet<>(BackupTables.ALL.stream().map(BackupTables.Table::name).toList()));
    }

    @Test
    void aRestoreHoldsExactlyTheBackedUpRowsAndTheJournalNumbersOnAfterThem() throws Exception {
        JdbcSettings source = database(true);
        fill(source);
        Path file = dir.resolve("h2.backup.gz");
        DatabaseBackup.Result result = DatabaseBackup.take(source, file, CLOCK);
        // journal, tags, snapshots, audit log and offset; the read model: an order, the entities applied, the offset
        assertEquals(List.of(5L, 6L, 2L, 3L, 1L, 1L, 0L, 0L, 0L, 0L, 1L, 1L), result.manifest().tables().stream().map(BackupManifest.TableEntry::rows).toList());
        assertEquals(5L, result.manifest().table("event_journal").identityMax());
        assertEquals("2026-11-21T00:05:00Z", result.manifest().createdAt());

        JdbcSettings target = database(false);
        BackupManifest restored = DatabaseRestore.restore(target, file);
        assertEquals(result.manifest(), restored);
        for (BackupTables.Table t : BackupTables.ALL) {
            assertEquals(rows(source, t), rows(target, t), t.name());
        }
        // A node writing after the restore gets the next number, not 1 (which would collide with the restored rows).
        insertJournal(target, "Order|new", 1, "after".getBytes(StandardCharsets.UTF_8));
        assertEquals(6L, single(target, "SELECT MAX(\"ordering\") FROM \"event_journal\" WHERE \"persistence_id\" = 'Order|new'"));
        // Backing the restored database up gives the same data, byte for byte.
        JdbcSettings again = database(false);
        DatabaseRestore.restore(again, file);
        Path second = dir.resolve("again.backup.gz");
        DatabaseBackup.take(again, second, CLOCK);
        assertEquals(result.manifest().tables(), BackupFileCheck.verify(second).tables());
    }

    @Test
    void anEmptyJournalBacksUpAndRestoresToo() throws Exception {
        Path file = dir.resolve("empty.backup.gz");
        DatabaseBackup.Result result = DatabaseBackup.take(database(true), file, CLOCK);
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), result.manifest().tables().stream().map(BackupManifest.TableEntry::rows).toList());
        assertEquals(null, result.manifest().table("event_journal").identityMax());
        JdbcSettings target = database(false);
        DatabaseRestore.restore(target, file);
        insertJournal(target, "Order|first", 1, new byte[] {1});
        assertEquals(1L, single(target, "SELECT MAX(\"ordering\") FROM \"event_journal\""));
    }

    @Test
    void aDatabaseWithRowsIsRefusedAndKeptAsItWas() throws Exception {
        JdbcSettings source = database(true);
        fill(source);
        Path file = dir.resolve("b.gz");
        DatabaseBackup.take(source, file, CLOCK);
        RestoreRefused refused = assertThrows(RestoreRefused.class, () -> DatabaseRestore.restore(source, file));
        assertTrue(refused.getMessage().contains("is not empty: table event_journal has 5 row(s), table event_tag has 6 row(s)"), refused.getMessage());
        assertEquals(5L, single(source, "SELECT COUNT(*) FROM \"event_journal\""));

        JdbcSettings fresh = database(true);
        DatabaseRestore.restore(fresh, file);
        assertEquals(5L, single(fresh, "SELECT COUNT(*) FROM \"event_journal\""), "a schema with only its own offset row counts as empty");
    }

    @Test
    void aTruncatedFileIsRejectedBeforeTheDatabaseIsTouched() throws Exception {
        Path file = backup();
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        JdbcSettings target = database(false);
        CorruptBackup e = assertThrows(CorruptBackup.class, () -> DatabaseRestore.restore(target, cut));
        assertTrue(e.getMessage().contains("the file is truncated"), e.getMessage());
        assertTrue(TableShape.find(connect(target), BackupTables.ALL.get(0)).isEmpty(), "not even the schema was created");

        Path empty = dir.resolve("empty.gz");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(CorruptBackup.class, () -> BackupFileCheck.verify(empty)).getMessage().contains("not a complete backup file"));
    }

    @Test
    void aDamagedByteIsCaughtByTheCompressionCheck() throws Exception {
        Path file = backup();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Path damaged = dir.resolve("damaged.gz");
        Files.write(damaged, bytes);
        CorruptBackup e = assertThrows(CorruptBackup.class, () -> BackupFileCheck.verify(damaged));
        assertTrue(e.getMessage().startsWith(damaged + " is damaged"), e.getMessage());
    }

    @Test
    void dataThatNoLongerMatchesItsManifestIsNamedByTable() throws Exception {
        Path file = backup();
        String text = new String(gunzip(file), StandardCharsets.ISO_8859_1);
        // The same length, so only the hash can tell: one payload byte of the audit log changed.
        String edited = text.replace("{\"price\":\"1.5\"}", "{\"price\":\"9.5\"}");
        assertTrue(!edited.equals(text));
        Path tampered = dir.resolve("tampered.gz");
        gzip(edited.getBytes(StandardCharsets.ISO_8859_1), tampered);
        CorruptBackup e = assertThrows(CorruptBackup.class, () -> DatabaseRestore.restore(database(false), tampered));
        assertTrue(e.getMessage().contains("the data of table audit_log does not match the manifest"), e.getMessage());
    }

    @Test
    void aLoadThatFailsPartWayLeavesNothingBehind() throws Exception {
        Path file = backup();
        // A well-formed file whose manifest agrees with its data, but whose last table holds its key twice: the database
        // refuses it only after every other table was loaded.
        Path forged = dir.resolve("forged.gz");
        List<BackupManifest.TableEntry> entries = new ArrayList<>();
        BackupManifest original = BackupFileCheck.verify(file);
        try (BackupFileReader reader = BackupFileReader.open(file); BackupFileWriter writer = new BackupFileWriter(forged)) {
            writer.header(reader.header());
            for (BackupManifest.TableEntry e : original.tables()) {
                reader.nextHeading();
                byte[] data = reader.section(e.name()).readAll();
                if (e.name().equals("audit_offset")) {
                    data = (new String(data, StandardCharsets.UTF_8).repeat(2)).getBytes(StandardCharsets.UTF_8);
                }
                BackupFileWriter.Section section = writer.table(e.name());
                section.write(data);
                section.close();
                SectionDigest d = section.digest();
                entries.add(new BackupManifest.TableEntry(e.name(), e.columns(), d.rows(), d.bytes(), d.sha256(), e.identityColumn(), e.identityMax()));
            }
            writer.finish(new BackupManifest(original.format(), original.version(), original.dialect(), original.createdAt(), original.source(), entries));
        }
        assertEquals(2, BackupFileCheck.verify(forged).table("audit_offset").rows());

        JdbcSettings target = database(false);
        BackupException e = assertThrows(BackupException.class, () -> DatabaseRestore.restore(target, forged));
        assertTrue(e.getMessage().contains("failed and was rolled back, nothing is restored"), e.getMessage());
        assertEquals(0L, single(target, "SELECT COUNT(*) FROM \"event_journal\""), "the tables loaded before the failure are empty again");
        assertEquals(0L, single(target, "SELECT COUNT(*) FROM audit_log"));

        DatabaseRestore.restore(target, file);
        assertEquals(5L, single(target, "SELECT COUNT(*) FROM \"event_journal\""), "and the sound backup restores into it afterwards");
    }

    @Test
    void anotherDialectsBackupIsRefused() throws Exception {
        Path file = backup();
        JdbcSettings postgres = new JdbcSettings("postgres", "jdbc:postgresql://127.0.0.1:1/none", "u", "secret-password");
        RestoreRefused e = assertThrows(RestoreRefused.class, () -> DatabaseRestore.restore(postgres, file));
        assertTrue(e.getMessage().contains("is a backup of a h2 database; the target jdbc:postgresql://127.0.0.1:1/none is postgres"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-password"));
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path file = backup();
        JdbcSettings source = database(true);
        BackupException e = assertThrows(BackupException.class, () -> DatabaseBackup.take(source, file, CLOCK));
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
    }

    @Test
    void textEscapesRoundTrip() {
        for (String s : List.of("", "plain", "tab\there", "line\nfeed", "cr\r", "back\\slash", "\\N", "\\x00", "ü€𝄞")) {
            assertEquals(s, H2RowText.unescape(H2RowText.escape(s)));
            assertTrue(!H2RowText.escape(s).contains("\t") && !H2RowText.escape(s).contains("\n"));
        }
    }

    private Path backup() throws Exception {
        JdbcSettings source = database(true);
        fill(source);
        Path file = dir.resolve("backup-" + UUID.randomUUID() + ".gz");
        DatabaseBackup.take(source, file, CLOCK);
        return file;
    }

    /** Rows with every kind of value: NULLs, binary with line feeds and zero bytes, text with tabs, escapes and non-ASCII. */
    private static void fill(JdbcSettings jdbc) throws SQLException {
        insertJournal(jdbc, "Order|a", 1, new byte[] {0, 10, 13, 9, 92, (byte) 0xff});
        insertJournal(jdbc, "Order|a", 2, "two".getBytes(StandardCharsets.UTF_8));
        insertJournal(jdbc, "Account|acc\twith tab", 1, new byte[0]);
        insertJournal(jdbc, "Position|p\\1", 1, "ü".getBytes(StandardCharsets.UTF_8));
        insertJournal(jdbc, "Instrument|binance:BTCUSDT", 1, new byte[] {1, 2, 3});
        try (Connection c = connect(jdbc); Statement st = c.createStatement()) {
            // The read model's exact decimals, zoned timestamps, booleans and nulls.
            st.executeUpdate("INSERT INTO rm_orders (client_order_id, strategy, instrument, symbol, side, order_type, quantity, reduce_only, status, "
                    + "filled_quantity, decision_time, created_ordering, updated_ordering) VALUES ('t1', 'ema-cross', 'binance:BTCUSDT', 'BTCUSDT', "
                    + "'BUY', 'MARKET', 0.000123456789, FALSE, 'FILLED', 0.000123456789, TIMESTAMP WITH TIME ZONE '2023-03-17 10:15:00.123+00', 1, 2)");
            st.executeUpdate("INSERT INTO rm_applied VALUES ('Order|a', 2)");
            st.executeUpdate("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (1, 'audit'), (2, 'audit'), (3, 'audit'), (4, 'audit'), "
                    + "(4, 'other'), (5, 'x\ny')");
            st.executeUpdate("INSERT INTO \"snapshot\" VALUES ('Order|a', 2, 1700000000000, 33, 'S', X'00ff0a', NULL, NULL, NULL), "
                    + "('Account|acc', 1, 1700000000001, 33, 'S', X'', 7, 'm', X'01')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    p.setLong(1, i);
                    p.setObject(2, OffsetDateTime.of(2023, 3, 17, 10, i, 0, i * 1000, i == 2 ? ZoneOffset.ofHours(2) : ZoneOffset.UTC));
                    p.setString(3, "Order|a");
                    p.setLong(4, i);
                    p.setString(5, "OrderFilled");
                    p.setString(6, i == 1 ? "{\"price\":\"1.5\"}" : "{\"note\":\"line\\nbreak\ttab\"}\n");
                    p.setString(7, "0".repeat(64));
                    p.setString(8, Integer.toHexString(i).repeat(64));
                    p.executeUpdate();
                }
            }
            st.executeUpdate("UPDATE audit_offset SET journal_ordering = 4 WHERE projection = 'audit'");
        }
    }

    private static void insertJournal(JdbcSettings jdbc, String pid, long seq, byte[] payload) throws SQLException {
        try (Connection c = connect(jdbc); PreparedStatement p = c.prepareStatement("INSERT INTO \"event_journal\" (\"deleted\", \"persistence_id\", "
                + "\"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\", "
                + "\"event_ser_manifest\", \"meta_payload\", \"meta_ser_id\", \"meta_ser_manifest\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setBoolean(1, seq == 2);
            p.setString(2, pid);
            p.setLong(3, seq);
            p.setString(4, "writer-" + UUID.nameUUIDFromBytes(pid.getBytes(StandardCharsets.UTF_8)));
            p.setLong(5, 1_700_000_000_000L + seq);
            p.setString(6, "");
            p.setBytes(7, payload);
            p.setInt(8, 33);
            p.setString(9, "dev.trader.Event");
            p.setBytes(10, seq == 1 ? null : new byte[] {7});
            if (seq == 1) {
                p.setNull(11, java.sql.Types.INTEGER);
                p.setNull(12, java.sql.Types.VARCHAR);
            } else {
                p.setInt(11, 5);
                p.setString(12, "meta");
            }
            p.executeUpdate();
        }
    }

    /** Every row of a table as text, in key order. */
    private static List<String> rows(JdbcSettings jdbc, BackupTables.Table t) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(jdbc)) {
            TableShape shape = TableShape.require(c, t);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM " + shape.quotedName() + " ORDER BY " + shape.orderBy(false))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Blob || v instanceof byte[]) {
                            v = Arrays.toString(rs.getBytes(i));
                        } else if (v instanceof java.sql.Clob) {
                            v = rs.getString(i);
                        }
                        row.append(md.getColumnName(i)).append('=').append(v).append(';');
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    private static long single(JdbcSettings jdbc, String sql) throws SQLException {
        try (Connection c = connect(jdbc); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(JdbcSettings jdbc) throws SQLException {
        return DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static void gzip(byte[] data, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(data);
        }
    }
}
