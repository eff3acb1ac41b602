package dev.trader.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
                // The embedded server's defaults trade durability for speed (asynchronous commits): a journal must
                // not lose a commit it was told of, least of all in the harness that restarts it.
                .setServerConfig("synchronous_commit", "on")
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
     * {@code pg_ctl restart -m immediate}: every backend stops at once without a checkpoint
     * (recovery replays the WAL, as after a power cut) and the server starts again on the same
     * folder with the same options. As root (the build's machines) pg_ctl runs in a user
     * namespace, as the embedded server itself was started.
     */
    static void restartImmediately(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server process " + pid));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        // The new server's output goes to a file: on a pipe it would hold the pipe open, and us waiting, for as long as it runs.
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restarts.log");
        command.addAll(List.of(Path.of(postgres).resolveSibling("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-m", "immediate",
                "-w", "-t", "60", "restart"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see " + log);
        }
    }
}
