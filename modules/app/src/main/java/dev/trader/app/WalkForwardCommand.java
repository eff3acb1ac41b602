package dev.trader.app;

import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.report.WalkForwardFiles;
import dev.trader.backtest.research.DataSlice;
import dev.trader.backtest.research.Durations;
import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.ParameterGrid;
import dev.trader.backtest.research.WalkForward;
import dev.trader.backtest.research.WalkForwardPlan;
import dev.trader.backtest.research.WalkForwardTotals;
import dev.trader.backtest.research.WalkForwardWindow;
import dev.trader.backtest.research.WindowResult;
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
 * {@code trader walk-forward}: parameters fitted on each training range (optionally checked on a
 * validation range) and scored on the following test range, out of sample, window after window;
 * in-sample next to out-of-sample in the files it writes.
 */
@Command(name = "walk-forward", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk-forward validation of a strategy file: the data is cut into windows of a training range, an optional validation "
                + "range and a test range, in time order. In each window every combination of --param values is backtested on the training "
                + "range and ranked by --metric (with --validate, the best --shortlist are re-ranked on the validation range); the chosen set is "
                + "then backtested on the test range, out of sample. The test ranges follow each other without gaps or overlap; nothing after "
                + "a range's end is used to decide in it.",
                "Each range is its own backtest on the bars inside it: the strategy starts cold and flat, positions still open at the "
                        + "range's end are closed at its last close.",
                "Writes walk-forward.csv (per window: ranges, chosen parameters, in-sample next to out-of-sample metrics), "
                        + "walk-forward-train.csv (every parameter set on every training range), walk-forward.json and walk-forward.html.",
                "Example: trader walk-forward --strategy conf/strategies/r1.conf --data sample-data/BTC_USDT-1m_20230317-20230324.json.gz "
                        + "--param fast=5,8,12 --param slow=20,26,35 --train 2d --test 1d --metric sharpe --out target/wf",
                "Durations: 90m, 12h, 7d, 2w or ISO-8601 (PT36H)."})
final class WalkForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Mixin
    ResearchOptions research;

    @Option(names = "--train", required = true, paramLabel = "DURATION", description = "length of each training range (rolling), or of the first one (--anchored)")
    String train;

    @Option(names = "--validate", defaultValue = "0d", paramLabel = "DURATION",
            description = "length of a validation range between training and test (default: none)")
    String validate;

    @Option(names = "--test", required = true, paramLabel = "DURATION", description = "length of each test (out-of-sample) range; also the step from one window to the next")
    String test;

    @Option(names = "--anchored", description = "every training range starts at the start of the data and grows (default: rolling, fixed length)")
    boolean anchored;

    @Option(names = "--shortlist", defaultValue = "3", paramLabel = "N",
            description = "with --validate: how many of the best sets on training are compared on validation (default: ${DEFAULT-VALUE})")
    int shortlist;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write the walk-forward files into")
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
            WalkForwardPlan plan = new WalkForwardPlan(Durations.parse(train), Durations.parse(validate), Durations.parse(test), anchored);
            WalkForward walkForward = new WalkForward(research.runner(), execution.config(), file, objective, shortlist);
            LoadedData loaded = inputs.load(file, stdout, stderr);
            execution.showCosts(loaded.data().instruments(), stdout);
            MarketData data = loaded.data();
            List<WalkForwardWindow> windows = plan.windows(DataSlice.start(data), DataSlice.end(data));
            stdout.printf(Locale.ROOT, "walk-forward of %s on %s: %d %s window(s), %d parameter set(s) each, ranked by %s%n", file.id(),
                    data.instruments(), windows.size(), anchored ? "anchored" : "rolling", grid.size(), objective.key());
            stdout.flush();
            List<WindowResult> results = walkForward.run(data, windows, grid.combinations(), new StderrProgress(stderr, "walk-forward", "windows"));
            for (WindowResult r : results) {
                WalkForwardWindow w = r.window();
                stdout.printf(Locale.ROOT, "window %d: train %s..%s, test %s..%s: %s; %s in sample %s, out of sample %s; OOS net P&L %s over %d trade(s)%n",
                        w.index(), w.trainStart(), w.trainEnd(), w.testStart(), w.testEnd(), r.chosen().label(), objective.key(),
                        BacktestCommand.num(objective.value(r.inSample())), BacktestCommand.num(objective.value(r.outOfSample())),
                        r.outOfSample().trades().netPnl().toBigDecimal().toPlainString(), r.outOfSample().trades().trades());
            }
            String currency = execution.config().currency();
            WalkForwardTotals t = WalkForwardTotals.of(results, objective, currency);
            stdout.printf(Locale.ROOT, "out of sample: net P&L %s %s over %d trade(s), compounded return %s, %d of %d test window(s) profitable; "
                            + "mean %s in sample %s, out of sample %s%n", t.outOfSampleNetPnl().toBigDecimal().toPlainString(), currency,
                    t.outOfSampleTrades(), BacktestCommand.pct(t.outOfSampleReturn()), t.profitableWindows(), t.windows(), objective.key(),
                    BacktestCommand.num(t.meanInSample()), BacktestCommand.num(t.meanOutOfSample()));
            String subtitle = String.format(Locale.ROOT, "%s (%s) on %s, %s bars from %s to %s (UTC)", file.id(), file.type(), data.instruments(),
                    data.timeframe().label(), DataSlice.start(data), DataSlice.end(data));
            WalkForwardFiles.write(out, "Walk-forward: " + file.id(), subtitle, plan, grid.names(), objective, results, currency);
            stdout.printf("wrote %s, %s, %s, %s in %s%n", WalkForwardFiles.CSV, WalkForwardFiles.TRAIN_CSV, WalkForwardFiles.JSON, WalkForwardFiles.HTML,
                    out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | MarketDataFileException e) {
            stderr.println("trader walk-forward: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }
}
