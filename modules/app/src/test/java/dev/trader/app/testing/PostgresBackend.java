package dev.trader.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (17, the binaries come from Maven), started once and given a new
 * database per journal. The tests that use it print that they ran against it.
 */
public final class PostgresBackend implements JournalBackend {
    private final EmbeddedPostgres postgres;

    public PostgresBackend() throws Exception {
        this.postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("select version()")) {
            rs.next();
            System.out.println("[journal] running against a real PostgreSQL on port " + postgres.getPort() + ": " + rs.getString(1));
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Map<String, Object> freshJournal(String journal, Path workDir) throws Exception {
        String db = journal.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String prefix = "pekko-persistence-jdbc.shared-databases.slick.";
        return Map.of("trader.persistence.dialect", "postgres",
                prefix + "profile", "slick.jdbc.PostgresProfile$",
                prefix + "db.url", postgres.getJdbcUrl("postgres", db),
                prefix + "db.user", "postgres",
                prefix + "db.password", "",
                prefix + "db.driver", "org.postgresql.Driver");
    }

    /** Not AutoCloseable on purpose: JUnit would close a parameter after each test. */
    public void stop() throws java.io.IOException {
        postgres.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
