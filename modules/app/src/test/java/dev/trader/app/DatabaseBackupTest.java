package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import dev.trader.app.testing.AuditTable;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.FixtureSlices;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.JournalBackend;
import dev.trader.app.testing.JournalTable;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.persistence.JdbcSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code trader db backup} and {@code db restore} end to end, on a real PostgreSQL 17 (and on H2): a node trades part of the
 * fixture bars on database A; the backup of A is restored into a new database B of the same server; a node started on B
 * holds exactly A's entities, status and audit trail, and trading the rest of the bars on B ends exactly where A ends when
 * it trades them (so new events are journaled after the restored ones: the sequence was reset). Then what a restore
 * must refuse: a database that holds a journal, a truncated file, a damaged one, data that does not match its manifest.
 */
class DatabaseBackupTest {
    private static final String SECRET = "not-printed-Secret-42";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresBackend postgres;
    /** A backup of a short session on PostgreSQL, for the refusals. */
    private static Path backup;
    private static Map<String, Object> backedUpJournal;

    @TempDir
    static Path shared;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startPostgresAndBackUpAShortSession() throws Exception {
        postgres = new PostgresBackend();
        backedUpJournal = withPassword(postgres.freshJournal("backup_src_" + System.nanoTime(), shared));
        try (TraderNode node = TraderNode.start(TestNodes.config(backedUpJournal))) {
            new FileReplay(node.engine(), node.pipeline()).replay(FixtureSlices.first(120, shared)).toCompletableFuture().get();
            new AuditTable(TestNodes.config(backedUpJournal)).awaitCaughtUp();
        }
        backup = shared.resolve("short.backup.gz");
        CliRun run = CliRun.of("db", "backup", "--config", AuditTable.overlay(backedUpJournal, shared).toString(), "--out", backup.toString());
        assertEquals(0, run.code(), run.toString());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.stop();
    }

    static Stream<JournalBackend> backends() {
        return Stream.of(postgres, new H2Backend());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRestoredBackupStartsTheSameNodeWhichTradesOnExactlyAsTheOriginal(JournalBackend backend) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> journalA = withPassword(backend.freshJournal("source_" + System.nanoTime(), workDir));
        Config configA = TestNodes.config(journalA);
        EngineSnapshot before;
        JsonNode headBefore;
        try (TraderNode a = TraderNode.start(configA)) {
            ReplayReport first = new FileReplay(a.engine(), a.pipeline()).replay(FixtureSlices.first(500, workDir)).toCompletableFuture().get();
            assertEquals(1000, first.barsNew());
            new AuditTable(configA).awaitCaughtUp();
            before = EngineSnapshot.of(a.engine());
            headBefore = get(a, "/api/audit/head");
        }
        assertTrue(before.orders().size() >= 5 && !before.positions().isEmpty(), "the session traded: " + before.orders().size() + " orders");

        Path file = workDir.resolve("trader-" + backend.name() + ".backup.gz");
        CliRun backedUp = CliRun.of("db", "backup", "--config", AuditTable.overlay(journalA, workDir).toString(), "--out", file.toString());
        assertEquals(0, backedUp.code(), backedUp.toString());
        assertTrue(backedUp.out().contains("one snapshot"), backedUp.out());
        long restoredRows = new JournalTable(configA).rows();
        long restoredMax = maxOrdering(configA);

        Map<String, Object> journalB = withPassword(backend.freshJournal("restored_" + System.nanoTime(), workDir));
        Config configB = TestNodes.config(journalB);
        String overlayB = AuditTable.overlay(journalB, workDir).toString();
        CliRun restored = CliRun.of("db", "restore", "--config", overlayB, "--in", file.toString());
        assertEquals(0, restored.code(), restored.toString());
        assertTrue(restored.out().contains("loaded and verified against the manifest; event_journal.ordering continues after " + restoredMax),
                restored.out());
        CliRun verified = CliRun.of("audit", "verify", "--config", overlayB);
        assertEquals(0, verified.code(), verified.toString());
        assertTrue(verified.out().contains("head seq " + headBefore.get("seq").asLong() + " hash " + headBefore.get("hash").asText()), verified.out());

        // The reference: A started again (as after any restart) and trading the rest of the bars.
        JsonNode statusA;
        EngineSnapshot endA;
        try (TraderNode a = TraderNode.start(configA)) {
            statusA = status(a);
            new FileReplay(a.engine(), a.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            endA = EngineSnapshot.of(a.engine());
        }

        try (TraderNode b = TraderNode.start(configB)) {
            assertEquals(before, EngineSnapshot.of(b.engine()), "every entity on B is as it was on A");
            assertEquals(statusA, status(b), "/api/status on B is A's");
            assertEquals(headBefore, get(b, "/api/audit/head"), "the audit trail's head on B is A's");

            ReplayReport rest = new FileReplay(b.engine(), b.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            assertEquals(440, rest.barsNew(), "the bars A had are recognised on B; the rest are new");
            new AuditTable(configB).awaitCaughtUp();
            assertSameBooks(endA, EngineSnapshot.of(b.engine()));
        }
        long rowsB = new JournalTable(configB).rows();
        assertTrue(rowsB > restoredRows, "B journaled new events");
        assertEquals(rowsB - restoredRows, rowsAfter(configB, restoredMax), "every event journaled on B is numbered after the restored ones");
        assertEquals(List.of(), new JournalTable(configB).nonContiguousPersistenceIds());
        CliRun verifiedAfter = CliRun.of("audit", "verify", "--config", overlayB);
        assertEquals(0, verifiedAfter.code(), verifiedAfter.toString());
        assertTrue(new AuditTable(configB).count() > headBefore.get("seq").asLong(), "the trail chained on after the restored head");

        for (String output : List.of(backedUp.toString(), restored.toString(), verified.toString())) {
            assertFalse(output.contains(SECRET), "the password is never printed: " + output);
        }
        System.out.printf("[backup/%s] %d journal rows (%d orders, %d positions, audit head seq %d) backed up (%,d bytes), restored into a new "
                        + "database, identical there, and traded on to A's end state; %.1f s%n", backend.name(), restoredRows, before.orders().size(),
                before.positions().size(), headBefore.get("seq").asLong(), Files.size(file), (System.nanoTime() - started) / 1e9);
    }

    @Test
    void aBackupTakenWhileTheNodeTradesIsOneConsistentMomentOfIt() throws Exception {
        Map<String, Object> journalA = postgres.freshJournal("live_" + System.nanoTime(), workDir);
        Config configA = TestNodes.config(journalA);
        Path file = workDir.resolve("live.backup.gz");
        EngineSnapshot endA;
        CliRun backedUp;
        try (TraderNode a = TraderNode.start(configA)) {
            var running = new FileReplay(a.engine(), a.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture();
            while (new JournalTable(configA).rows() < 1500 && !running.isDone()) {
                Thread.sleep(50);
            }
            backedUp = CliRun.of("db", "backup", "--config", AuditTable.overlay(journalA, workDir).toString(), "--out", file.toString());
            assertTrue(!running.isDone(), "the backup was taken while the node was still trading");
            running.get();
            endA = EngineSnapshot.of(a.engine());
        }
        assertEquals(0, backedUp.code(), backedUp.toString());

        Map<String, Object> journalB = postgres.freshJournal("live_restored_" + System.nanoTime(), workDir);
        Config configB = TestNodes.config(journalB);
        CliRun restored = CliRun.of("db", "restore", "--config", AuditTable.overlay(journalB, workDir).toString(), "--in", file.toString());
        assertEquals(0, restored.code(), restored.toString());
        long restoredRows = new JournalTable(configB).rows();
        assertTrue(restoredRows < new JournalTable(configA).rows(), "the backup holds the moment it was taken, not the end");
        assertEquals(List.of(), new JournalTable(configB).nonContiguousPersistenceIds(), "no entity has a hole in its events");
        CliRun verified = CliRun.of("audit", "verify", "--config", AuditTable.overlay(journalB, workDir).toString());
        assertEquals(0, verified.code(), verified.toString());
        // That moment is one a node can resume from, as from a crash: the same bars bring B to A's end.
        try (TraderNode b = TraderNode.start(configB)) {
            new FileReplay(b.engine(), b.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            assertSameBooks(endA, EngineSnapshot.of(b.engine()));
        }
        System.out.printf("[backup/postgres] taken while trading: %d journal rows at that moment; B resumed from it to A's end state%n", restoredRows);
    }

    @Test
    void aDatabaseThatHoldsAJournalIsRefusedAndLeftAsItWas() throws Exception {
        Config config = TestNodes.config(backedUpJournal);
        long rows = single(config, "SELECT COUNT(*) FROM \"event_journal\"");
        CliRun refused = CliRun.of("db", "restore", "--config", AuditTable.overlay(backedUpJournal, workDir).toString(), "--in", backup.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("is not empty: table event_journal has " + rows + " row(s)"), refused.err());
        assertTrue(refused.err().contains("a restore goes into a new, empty database only"), refused.err());
        assertFalse(refused.toString().contains(SECRET), refused.toString());
        assertEquals(rows, single(config, "SELECT COUNT(*) FROM \"event_journal\""), "the refused restore changed nothing");
    }

    @Test
    void aTruncatedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        Path cut = workDir.resolve("cut.backup.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        Map<String, Object> target = postgres.freshJournal("cut_" + System.nanoTime(), workDir);
        CliRun refused = CliRun.of("db", "restore", "--config", AuditTable.overlay(target, workDir).toString(), "--in", cut.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("ends early") && refused.err().contains("the file is truncated"), refused.err());
        assertFalse(tableExists(TestNodes.config(target), "event_journal"), "not even the schema was created");
        CliRun verify = CliRun.of("db", "verify", "--in", cut.toString());
        assertEquals(1, verify.code(), verify.toString());
    }

    @Test
    void aDamagedBackupIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x20;
        Path damaged = workDir.resolve("damaged.backup.gz");
        Files.write(damaged, bytes);
        Map<String, Object> target = postgres.freshJournal("damaged_" + System.nanoTime(), workDir);
        CliRun refused = CliRun.of("db", "restore", "--config", AuditTable.overlay(target, workDir).toString(), "--in", damaged.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains(damaged + " is damaged"), refused.err());
        assertFalse(tableExists(TestNodes.config(target), "event_journal"));
    }

    @Test
    void dataThatDoesNotMatchTheManifestIsRefusedNamingTheTable() throws Exception {
        String text = new String(gunzip(backup), StandardCharsets.ISO_8859_1);
        // The audit trail's offset row ("audit", then the journal ordering): one digit changed keeps every length, so only the hash can tell.
        Matcher m = Pattern.compile("table audit_offset\n\\d+\naudit\t(\\d+)\n").matcher(text);
        assertTrue(m.find(), "the offset row is in the file");
        int at = m.end(1) - 1;
        char digit = text.charAt(at);
        String edited = text.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + text.substring(at + 1);
        Path tampered = workDir.resolve("tampered.backup.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tampered))) {
            out.write(edited.getBytes(StandardCharsets.ISO_8859_1));
        }
        CliRun verify = CliRun.of("db", "verify", "--in", tampered.toString());
        assertEquals(1, verify.code(), verify.toString());
        assertTrue(verify.err().contains("the data of table audit_offset does not match the manifest"), verify.err());

        Map<String, Object> target = postgres.freshJournal("tampered_" + System.nanoTime(), workDir);
        CliRun refused = CliRun.of("db", "restore", "--config", AuditTable.overlay(target, workDir).toString(), "--in", tampered.toString());
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("the data of table audit_offset does not match the manifest"), refused.err());

        CliRun sound = CliRun.of("db", "verify", "--in", backup.toString());
        assertEquals(0, sound.code(), sound.toString());
        assertTrue(sound.out().contains("db verify: OK: " + backup + " is a complete postgres backup"), sound.out());
    }

    /**
     * B traded on to exactly where A gets with the same bars. Orders are compared by what they decided and filled: their
     * wall-clock measurements (decided, acknowledged, filled at) differ between two runs by nature.
     */
    private static void assertSameBooks(EngineSnapshot a, EngineSnapshot b) {
        assertEquals(a.account(), b.account(), "account: cash, holdings, every decision, every booked fill, the risk state");
        assertEquals(a.instruments(), b.instruments(), "instruments");
        assertEquals(a.strategies(), b.strategies(), "strategies");
        assertEquals(a.positions(), b.positions(), "positions");
        assertEquals(a.orders().keySet(), b.orders().keySet(), "the same orders");
        a.orders().forEach((id, o) -> {
            OrderState other = b.orders().get(id);
            assertEquals(o.request(), other.request(), id);
            assertEquals(o.status(), other.status(), id);
            assertEquals(o.fills(), other.fills(), id);
            assertEquals(o.decisionPrice(), other.decisionPrice(), id);
        });
    }

    /** The journal's config with a password: PostgreSQL's embedded server trusts local connections, so it is checked only for never being printed. */
    private static Map<String, Object> withPassword(Map<String, Object> journal) {
        if (!"postgres".equals(journal.get("trader.persistence.dialect"))) {
            return journal;
        }
        Map<String, Object> m = new HashMap<>(journal);
        m.put("pekko-persistence-jdbc.shared-databases.slick.db.password", SECRET);
        return m;
    }

    private static JsonNode status(TraderNode node) throws Exception {
        ObjectNode s = (ObjectNode) get(node, "/api/status");
        // Which node and which cluster members answer is not state: B runs on other ports.
        s.remove("node");
        s.remove("clusterMembers");
        return s;
    }

    private static JsonNode get(TraderNode node, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static long maxOrdering(Config config) throws SQLException {
        return single(config, "SELECT MAX(\"ordering\") FROM \"event_journal\"");
    }

    private static long rowsAfter(Config config, long ordering) throws SQLException {
        return single(config, "SELECT COUNT(*) FROM \"event_journal\" WHERE \"ordering\" > " + ordering
                + " AND \"persistence_id\" NOT LIKE '/sharding/%'");
    }

    private static boolean tableExists(Config config, String table) throws SQLException {
        JdbcSettings jdbc = JdbcSettings.from(config);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static long single(Config config, String sql) throws SQLException {
        JdbcSettings jdbc = JdbcSettings.from(config);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
