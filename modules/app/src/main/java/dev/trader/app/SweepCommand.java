package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.report.SweepFiles;
import dev.trader.backtest.report.SweepPage;
import dev.trader.backtest.research.DataSlice;
import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.ParameterGrid;
import dev.trader.backtest.research.ParameterSet;
import dev.trader.backtest.research.SweepResult;
import dev.trader.backtest.research.SweepRunner;
import dev.trader.marketdata.file.MarketDataFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trader sweep}: one backtest per combination of {@code --param} values on a bounded pool
 * of threads, written as sweep.csv and sweep.html in grid order (the same files for any number of
 * threads).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a strategy file once for every combination of --param values, in parallel, and write sweep.csv (one row "
                + "per parameter set in grid order: parameters, status, metrics as in summary.json) and sweep.html (a heatmap of --metric over "
                + "the first two parameters, best over any others, and the table of every run).",
                "Example: trader sweep --strategy conf/strategies/r1.conf --data sample-data/BTC_USDT-1m_20230317-20230324.json.gz "
                        + "--param fast=5,8,12 --param slow=20,26,35 --out target/sweep",
                "Each run is the ordinary deterministic backtest; the results do not depend on --threads. A parameter set the strategy rejects "
                        + "(e.g. slow <= fast) is reported as invalid, not fatal. Progress goes to stderr."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Mixin
    ResearchOptions research;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write sweep.csv and sweep.html into")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            StrategyFile file = inputs.strategy();
            ParameterGrid grid = research.grid();
            Objective objective = research.objective();
            SweepRunner runner = research.runner();
            BacktestConfig config = execution.config();
            LoadedData loaded = inputs.load(file, stdout, stderr);
            execution.showCosts(loaded.data().instruments(), stdout);
            MarketData data = loaded.data();
            List<ParameterSet> sets = grid.combinations();
            stdout.printf(Locale.ROOT, "sweeping %d parameter set(s) of %s on %s, %d thread(s)%n", sets.size(), file.id(), data.instruments(),
                    Math.min(runner.threads(), sets.size()));
            stdout.flush();
            List<SweepResult> results = runner.run(config, data, sets, file, new StderrProgress(stderr, "sweep", "runs"));
            String subtitle = String.format(Locale.ROOT, "%s (%s) on %s, %s bars from %s to %s (UTC); %d parameter set(s); ranked by %s",
                    file.id(), file.type(), data.instruments(), data.timeframe().label(), DataSlice.start(data), DataSlice.end(data), sets.size(),
                    objective.key());
            SweepFiles.write(out, "Parameter sweep: " + file.id(), subtitle, grid, results, objective);
            long invalid = results.stream().filter(r -> !r.ok()).count();
            ParameterSet best = SweepPage.best(results, objective);
            if (best != null) {
                SweepResult b = results.get(sets.indexOf(best));
                stdout.printf(Locale.ROOT, "best by %s: %s (%s %s, %d trades, net P&L %s)%n", objective.key(), best.label(), objective.key(),
                        BacktestCommand.num(objective.value(b.metrics())), b.metrics().trades().trades(),
                        b.metrics().trades().netPnl().toBigDecimal().toPlainString());
            }
            stdout.printf("%d run(s), %d invalid; wrote %s, %s in %s%n", results.size(), invalid, SweepFiles.CSV, SweepFiles.HTML, out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | MarketDataFileException e) {
            stderr.println("trader sweep: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }
}
