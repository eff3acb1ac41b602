package dev.trader.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.engine.audit.AuditVerification.Problem;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.SchemaInitializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store and the verifier on the real H2 schema script: appending, idempotency, and every kind of tampering found. */
class AuditStoreTest {
    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");
    private Connection keepAlive;
    private AuditStore store;

    @BeforeEach
    void schema() throws SQLException {
        String url = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        JdbcSettings jdbc = new JdbcSettings("h2", url, "sa", "");
        SchemaInitializer.apply(jdbc);
        SchemaInitializer.apply(jdbc);
        store = new AuditStore(jdbc);
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("SHUTDOWN");
        }
        keepAlive.close();
    }

    @Test
    void anEmptyTrailIsSoundAndItsHeadIsTheGenesis() throws SQLException {
        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertTrue(v.ok());
        assertEquals(0, v.checked());
        assertEquals(AuditHead.empty(), store.head());
        assertEquals(0, store.offset());
    }

    @Test
    void batchesChainOnFromTheHeadAndMoveTheOffset() throws SQLException {
        assertEquals(3, store.append(events(1, 3)));
        assertEquals(2, store.append(events(4, 5)));

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertNull(v.failure());
        assertEquals(5, v.checked());
        AuditHead head = store.head();
        assertEquals(new AuditHead(5, v.headHash(), T.plusSeconds(5), 5), head);
        assertEquals(50, store.offset(), "the ordering of the last event");
    }

    @Test
    void eventsAlreadyInTheTrailAreNotWrittenAgain() throws SQLException {
        store.append(events(1, 4));
        AuditHead before = store.head();

        assertEquals(1, store.append(events(3, 5)), "only event 5 is new");
        assertEquals(0, store.append(events(1, 5)));
        assertEquals(5, store.head().count());
        assertEquals(before.hash(), row(5, "prev_hash"), "record 5 chains on record 4");
        assertTrue(AuditVerifier.verify(keepAlive).ok());
    }

    @Test
    void aChangedPayloadIsAHashMismatchAtItsRecord() throws SQLException {
        store.append(events(1, 6));
        update("UPDATE audit_log SET payload = '{\"qty\":\"999\"}' WHERE seq = 4");

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertEquals(4, v.failure().seq());
        assertEquals(Problem.HASH_MISMATCH, v.failure().problem());
        assertEquals(3, v.checked());
    }

    @Test
    void aChangedTimeIsAHashMismatchToo() throws SQLException {
        store.append(events(1, 3));
        update("UPDATE audit_log SET recorded_at = recorded_at + INTERVAL '1' SECOND WHERE seq = 2");

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertEquals(2, v.failure().seq());
        assertEquals(Problem.HASH_MISMATCH, v.failure().problem());
    }

    @Test
    void aRecordChangedAndResealedBreaksTheNextLink() throws SQLException {
        List<AuditedEvent> events = events(1, 5);
        store.append(events);
        AuditedEvent e = events.get(2);
        AuditRecord forged = AuditChain.next(2, row(2, "hash"),
                new AuditedEvent(e.journalOrdering(), e.recordedAt(), e.persistenceId(), e.sequenceNr(), e.eventType(), "{\"qty\":\"0\"}"));
        update("UPDATE audit_log SET payload = '" + forged.payload() + "', hash = '" + forged.hash() + "' WHERE seq = 3");

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertEquals(4, v.failure().seq());
        assertEquals(Problem.BROKEN_LINK, v.failure().problem());
    }

    @Test
    void aRemovedRecordIsAGapNamingIt() throws SQLException {
        store.append(events(1, 5));
        update("DELETE FROM audit_log WHERE seq = 3");

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertEquals(3, v.failure().seq());
        assertEquals(Problem.GAP, v.failure().problem());
        assertEquals(2, v.headSeq());
    }

    @Test
    void aTrailWhoseStartWasRemovedIsAGapAtOne() throws SQLException {
        store.append(events(1, 3));
        update("DELETE FROM audit_log WHERE seq = 1");

        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertEquals(1, v.failure().seq());
        assertEquals(Problem.GAP, v.failure().problem());
    }

    @Test
    void manyRecordsAreVerifiedAcrossFetches() throws SQLException {
        for (int from = 1; from <= 2500; from += 500) {
            store.append(events(from, from + 499));
        }
        AuditVerification v = AuditVerifier.verify(keepAlive);
        assertTrue(v.ok(), String.valueOf(v.failure()));
        assertEquals(2500, v.checked());
    }

    private static List<AuditedEvent> events(int from, int to) {
        List<AuditedEvent> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(new AuditedEvent(10L * i, T.plusSeconds(i), "Order|o" + i, 1, "OrderRequested", "{\"qty\":\"" + i + "\"}"));
        }
        return out;
    }

    private void update(String sql) throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            assertEquals(1, st.executeUpdate(sql), sql);
        }
    }

    private String row(long seq, String column) throws SQLException {
        try (Statement st = keepAlive.createStatement(); var rs = st.executeQuery("SELECT " + column + " FROM audit_log WHERE seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
