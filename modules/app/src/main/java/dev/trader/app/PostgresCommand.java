package dev.trader.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "Serve a local PostgreSQL (17, the binaries come from Maven: nothing to install) on loopback with a database for "
                + "the journal, until stopped. For deploy/cluster and the chaos harness; production points conf/postgres.conf at its own "
                + "server. The data folder is kept: starting again on it continues the same database.")
final class PostgresCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port (default 5432)")
    int port = 5432;

    @Option(names = "--data-dir", description = "the database cluster's folder (default data/postgres)")
    Path dataDir = Path.of("data", "postgres");

    @Option(names = "--database", description = "the database to create if missing (default trader)")
    String database = "trader";

    @Override
    public Integer call() throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(dataDir, port)) {
            LocalPostgres.createDatabase(postgres, database);
            System.out.println("postgres: serving jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database + " (user postgres, "
                    + "trusted on loopback), data in " + dataDir.toAbsolutePath());
            Shutdown.await("postgres", null);
            return 0;
        }
    }
}
