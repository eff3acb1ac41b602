package dev.trader.app;

import picocli.CommandLine.Command;

@Command(name = "trader", mixinStandardHelpOptions = true, version = "trader 0.1.0",
        description = "An event-sourced, clustered trading engine on Apache Pekko.",
        subcommands = {DemoCommand.class, RunCommand.class, ExchangeSimCommand.class, IndicatorsCommand.class, BacktestCommand.class, SweepCommand.class,
                WalkForwardCommand.class, BenchCommand.class, ChallengeCommand.class, ExecMetricsCommand.class, AuditCommand.class,
                DbCommand.class, ExportCommand.class})
final class TraderCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
