package dev.trader.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Back up the node's database (journal, snapshots, audit trail) into one verified file, and restore it into a new one.",
        subcommands = {DbBackupCommand.class, DbRestoreCommand.class, DbVerifyCommand.class})
final class DbCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
