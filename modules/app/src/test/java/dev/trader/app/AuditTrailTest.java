package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.trader.app.testing.AuditTable;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.JournalBackend;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit trail end to end, on H2 and on a real PostgreSQL: a node trades the fixture bars, its
 * trail catches up with the journal, {@code trader audit verify} finds it sound and its head is the
 * one {@code GET /api/audit/head} shows; a restart that takes the whole journal in again adds no
 * record; then rows are edited and removed with plain JDBC and verify names the record.
 */
class AuditTrailTest {
    private static PostgresBackend postgres;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new PostgresBackend();
    }

    @AfterAll
    static void stopPostgres() throws java.io.IOException {
        postgres.stop();
    }

    static Stream<JournalBackend> backends() {
        return Stream.of(new H2Backend(), postgres);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theTrailChainsWhatTheNodeJournaledOnceAndVerifyNamesTheFirstBadRecord(JournalBackend backend) throws Exception {
        Map<String, Object> journal = backend.freshJournal("audit_" + System.nanoTime(), workDir);
        Config config = TestNodes.config(journal);
        String overlay = AuditTable.overlay(journal, workDir).toString();
        AuditTable table = new AuditTable(config);

        long records;
        JsonNode head;
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            records = table.awaitCaughtUp();
            head = new ObjectMapper().readTree(get(node, "/api/audit/head"));
        }
        Map<String, Long> types = table.types();
        for (String type : List.of("Strategy/SignalEmitted", "Account/IntentApproved", "Account/FillBookedEvent", "Order/OrderRequested",
                "Order/OrderSubmitted", "Order/OrderAccepted", "Order/OrderFilled", "Position/PositionOpened", "Position/PositionClosed")) {
            assertTrue(types.containsKey(type), type + " is recorded: " + types);
        }
        assertTrue(!types.containsKey("Strategy/BarObserved") && !types.containsKey("Instrument/BarAccepted"), "bars are not: " + types);
        assertEquals(records, head.get("seq").asLong(), head.toString());
        assertEquals(records, head.get("count").asLong(), head.toString());
        assertEquals(table.column(records, "hash"), head.get("hash").asText());
        assertTrue(head.get("recordedAt").asText().endsWith("Z"), head.toString());

        CliRun sound = CliRun.of("audit", "verify", "--config", overlay);
        assertEquals(0, sound.code(), sound.toString());
        assertTrue(sound.out().contains("OK: " + records + " record(s) checked, head seq " + records + " hash " + head.get("hash").asText()),
                sound.toString());

        // As if the node had crashed after writing records but before moving the offset: everything is read again.
        assertEquals(1, table.execute("UPDATE audit_offset SET journal_ordering = 0 WHERE projection = 'audit'"));
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            assertEquals(records, table.awaitCaughtUp(), "nothing new was journaled, nothing is recorded twice");
        }
        assertEquals(0, table.duplicates());
        assertEquals(sound.out(), CliRun.of("audit", "verify", "--config", overlay).out(), "the same chain, the same head");

        long k = records / 2;
        String payload = table.column(k, "payload");
        assertEquals(1, table.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", oneDigitChanged(payload), k));
        CliRun edited = CliRun.of("audit", "verify", "--config", overlay);
        assertEquals(1, edited.code(), edited.toString());
        assertTrue(edited.out().contains("FAILED at seq " + k + " (hash mismatch)"), edited.toString());

        assertEquals(1, table.execute("UPDATE audit_log SET payload = ? WHERE seq = ?", payload, k));
        assertEquals(0, CliRun.of("audit", "verify", "--config", overlay).code(), "the original text verifies again");

        assertEquals(1, table.execute("DELETE FROM audit_log WHERE seq = ?", k));
        CliRun removed = CliRun.of("audit", "verify", "--config", overlay);
        assertEquals(1, removed.code(), removed.toString());
        assertTrue(removed.out().contains("FAILED at seq " + k + " (gap): record " + k + " is missing"), removed.toString());
        System.out.printf("[audit/%s] %d records chained (%s), verified, a restart from offset 0 added none, an edit and a removal at seq %d caught%n",
                backend.name(), records, types, k);
    }

    /** The text with its first digit changed: a price, a quantity or a time off by a little, still valid JSON. */
    private static String oneDigitChanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return text.substring(0, i) + (c == '9' ? '8' : (char) (c + 1)) + text.substring(i + 1);
            }
        }
        throw new AssertionError("no digit in " + text);
    }

    private static String get(TraderNode node, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
