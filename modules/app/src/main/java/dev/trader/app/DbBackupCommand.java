package dev.trader.app;

import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.backup.BackupException;
import dev.trader.engine.persistence.backup.BackupManifest;
import dev.trader.engine.persistence.backup.DatabaseBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write every table of the node's database (journal, tags, snapshots, audit trail and its offset) into one gzipped file "
                + "with a manifest (rows and SHA-256 per table), read in one consistent snapshot. PostgreSQL: safe while the node runs. "
                + "H2: stop the node first (it holds the file). Exit 0 when written, 1 when it could not be, 2 for a bad configuration.")
final class DbBackupCommand implements Callable<Integer> {
    @Option(names = "--config", description = "an overlay config file (the node's: it names the database)")
    Path config;

    @Option(names = "--out", required = true, description = "the backup file to write (never overwritten), e.g. backups/trader-20261121T000500Z.backup.gz")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        JdbcSettings jdbc = DbCommands.jdbc(config, "backup", err);
        if (jdbc == null) {
            return 2;
        }
        try {
            DatabaseBackup.Result r = DatabaseBackup.take(jdbc, out, Clock.systemUTC());
            BackupManifest m = r.manifest();
            spec.commandLine().getOut().printf("db backup: %s → %s: %d row(s) in %d table(s) (%s), one snapshot; %,d bytes, SHA-256 %s%n",
                    m.source(), r.file(), m.totalRows(), m.tables().size(), DbCommands.rows(m), r.fileBytes(), r.fileSha256());
            return 0;
        } catch (BackupException e) {
            err.println("trader db backup: " + e.getMessage());
            return 1;
        }
    }
}
