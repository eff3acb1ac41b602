package dev.trader.app;

import dev.trader.engine.settings.SettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "trader", mixinStandardHelpOptions = true, version = "trader 0.1.0",
        description = "An event-sourced, clustered trading engine on Apache Pekko.",
        subcommands = {DemoCommand.class, RunCommand.class, ExchangeSimCommand.class, IndicatorsCommand.class, BacktestCommand.class, SweepCommand.class,
                WalkForwardCommand.class, BenchCommand.class, ChallengeCommand.class, ExecMetricsCommand.class, AuditCommand.class,
                ApiKeyCommand.class, DbCommand.class, ExportCommand.class, PostgresCommand.class, ChaosCommand.class, TrainCommand.class,
                ModelCommand.class, BanditCommand.class})
final class TraderCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /**
     * The command line as {@code main} runs it. A wrong setting that escapes a command (the
     * configuration is loaded, and checked against its schema, before a command's own error
     * handling starts) ends it as the commands end one themselves: {@code trader run: <message>}
     * on stderr and exit code 2, not a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof SettingsException) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cmd;
    }
}
