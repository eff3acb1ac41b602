package dev.trader.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** A PostgreSQL server of our own on loopback, on a data folder that outlives it (a restart continues the same database). */
final class LocalPostgres {
    private LocalPostgres() {
    }

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    static void createDatabase(EmbeddedPostgres postgres, String database) throws Exception {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--database must be a plain lower-case name but was '" + database + "'");
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * An immediate restart, as {@code pg_ctl restart -m immediate} does it (pg_ctl itself refuses to
     * run as root, which the build's machines are): SIGQUIT to the postmaster, which stops every
     * backend at once without a checkpoint (recovery replays the WAL, as after a power cut), then a
     * new server on the same folder and port. The caller closes the returned server as well as the first.
     */
    static EmbeddedPostgres restartImmediately(Path dataDir, int port) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no PostgreSQL server process " + pid));
        Process quit = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).inheritIO().start();
        if (quit.waitFor() != 0) {
            throw new IllegalStateException("kill -QUIT " + pid + " failed");
        }
        postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        return start(dataDir, port);
    }
}
