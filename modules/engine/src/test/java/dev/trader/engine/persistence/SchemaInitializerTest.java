package dev.trader.engine.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real scripts of src-shared/sql/, as packaged on the classpath under sql/. */
class SchemaInitializerTest {

    private static String script(String dialect) throws IOException {
        String resource = "sql/" + dialect + "/V1__journal.sql";
        try (InputStream in = SchemaInitializerTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theJournalScriptSplitsIntoItsFourStatements(String dialect) throws IOException {
        String[] statements = SchemaInitializer.statements(script(dialect));

        assertEquals(4, statements.length, () -> String.join("\n----\n", statements));
        List<String> heads = Arrays.stream(statements).map(s -> s.replaceAll("\\s+", " ").replace("\"", "").toLowerCase())
                .map(s -> s.substring(0, s.indexOf('('))).toList();
        assertTrue(heads.get(0).startsWith("create table if not exists public.event_journal"), heads.get(0));
        assertTrue(heads.get(1).startsWith("create unique index if not exists event_journal_ordering_idx"), heads.get(1));
        assertTrue(heads.get(2).startsWith("create table if not exists public.event_tag"), heads.get(2));
        assertTrue(heads.get(3).startsWith("create table if not exists public.snapshot"), heads.get(3));
        for (String s : statements) {
            assertFalse(s.endsWith(";"), s);
            assertFalse(s.contains("--"), "comments are dropped: " + s);
            assertTrue(s.endsWith(")"), s);
        }
    }

    @Test
    void commentsBlankLinesAndWindowsLineEndingsAreHandled() {
        String script = "-- header\r\nCREATE TABLE a (x INT);\r\n\r\n  -- indented comment\r\nCREATE TABLE b (y INT)  ;  \r\n";
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"), List.of(SchemaInitializer.statements(script)));
    }

    @Test
    void theH2ScriptCreatesTheTablesAndCanRunAgain() throws SQLException {
        String url = "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcSettings jdbc = new JdbcSettings("h2", url, "sa", "");
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            SchemaInitializer.apply(jdbc);
            SchemaInitializer.apply(jdbc);

            TreeSet<String> tables = new TreeSet<>();
            try (ResultSet rs = keepAlive.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            // The journal's names are quoted lower case; the audit trail's and the read model's are unquoted, which H2 folds to upper case.
            assertEquals(new TreeSet<>(List.of("AUDIT_LOG", "AUDIT_OFFSET", "RM_APPLIED", "RM_FILLS", "RM_OFFSET", "RM_ORDERS", "RM_POSITIONS",
                    "RM_SIGNALS", "RM_TRADES", "event_journal", "event_tag", "snapshot")), tables);
            try (ResultSet rs = keepAlive.createStatement().executeQuery("SELECT projection, journal_ordering FROM audit_offset")) {
                assertTrue(rs.next(), "the audit trail's offset row exists");
                assertEquals("audit", rs.getString(1));
                assertEquals(0, rs.getLong(2));
                assertFalse(rs.next(), "and only once, however often the script runs");
            }
            try (ResultSet rs = keepAlive.createStatement().executeQuery("SELECT projection, journal_ordering FROM rm_offset")) {
                assertTrue(rs.next(), "the read model's offset row exists");
                assertEquals("read-model", rs.getString(1));
                assertEquals(0, rs.getLong(2));
                assertFalse(rs.next(), "and only once");
            }
        }
    }
}
