package dev.trader.app;

import dev.trader.engine.persistence.backup.BackupException;
import dev.trader.engine.persistence.backup.BackupFileCheck;
import dev.trader.engine.persistence.backup.BackupManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a backup file without a database: complete, undamaged, every table's rows and SHA-256 as its manifest says. "
                + "Exit 0 when sound, 1 otherwise (the first problem named).")
final class DbVerifyCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "the backup file")
    Path in;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            BackupManifest m = BackupFileCheck.verify(in);
            spec.commandLine().getOut().printf("db verify: OK: %s is a complete %s backup taken %s from %s: %d row(s) in %d table(s) (%s)%n", in,
                    m.dialect(), m.createdAt(), m.source(), m.totalRows(), m.tables().size(), DbCommands.rows(m));
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("trader db verify: " + e.getMessage());
            return 1;
        }
    }
}
