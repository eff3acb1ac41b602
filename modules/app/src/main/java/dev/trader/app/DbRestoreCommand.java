package dev.trader.app;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.backup.BackupException;
import dev.trader.engine.persistence.backup.BackupManifest;
import dev.trader.engine.persistence.backup.DatabaseRestore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into a new, empty database (the one the config names): the file is checked against its manifest "
                + "first, a database holding any rows is refused, the schema is created, every table is loaded and verified (rows and "
                + "SHA-256) and the journal's numbering set to continue, all in one transaction: nothing is half-restored. "
                + "Exit 0 when restored, 1 when refused or the file is bad (nothing written), 2 for a bad configuration.")
final class DbRestoreCommand implements Callable<Integer> {
    @Option(names = "--config", description = "an overlay config file naming the target database")
    Path config;

    @Option(names = "--in", required = true, description = "the backup file")
    Path in;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        JdbcSettings jdbc = DbCommands.jdbc(config, "restore", err);
        if (jdbc == null) {
            return 2;
        }
        try {
            BackupManifest m = DatabaseRestore.restore(jdbc, in);
            spec.commandLine().getOut().printf("db restore: %s (taken %s from %s) → %s: %d row(s) in %d table(s) (%s) loaded and verified "
                            + "against the manifest%s%n", in, m.createdAt(), m.source(), jdbc.redactedUrl(), m.totalRows(), m.tables().size(),
                    DbCommands.rows(m), DbCommands.continuation(m));
            return 0;
        } catch (BackupException e) {
            err.println("trader db restore: " + e.getMessage());
            return 1;
        }
    }
}
