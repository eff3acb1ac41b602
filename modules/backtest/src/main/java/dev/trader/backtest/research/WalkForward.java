package dev.trader.backtest.research;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.metrics.Metrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Walk-forward validation. For each window: every parameter set of the grid is backtested on the
 * training range (in parallel) and ranked by the objective; with a validation range, the best
 * {@code shortlist} sets are backtested on it and the best there is chosen, else the best on
 * training is; the chosen set is then backtested on the test range, out of sample.
 *
 * <p>Each range is its own backtest on {@link DataSlice the bars inside it}: the strategy starts
 * cold (its indicators warm up inside the range), flat, and positions still open at the range's
 * end are closed at its last close ({@link EndOfData#CLOSE_AT_LAST_CLOSE}), so every trade and
 * every metric belongs to exactly one range. A decision only ever sees bars of its own range or
 * earlier ones: the choice for a window is the same whatever data follows its training (or
 * validation) range.
 */
public final class WalkForward {
    private final SweepRunner runner;
    private final BacktestConfig config;
    private final StrategyFactory factory;
    private final Objective objective;
    private final int shortlist;

    public WalkForward(SweepRunner runner, BacktestConfig config, StrategyFactory factory, Objective objective, int shortlist) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.config = Objects.requireNonNull(config, "config").withEndOfData(EndOfData.CLOSE_AT_LAST_CLOSE);
        this.factory = Objects.requireNonNull(factory, "factory");
        this.objective = Objects.requireNonNull(objective, "objective");
        if (shortlist < 1) {
            throw new IllegalArgumentException("the validation shortlist needs at least 1 parameter set but was " + shortlist);
        }
        this.shortlist = shortlist;
    }

    public Objective objective() {
        return objective;
    }

    /** Every window in order; {@code progress} is told after each window. */
    public List<WindowResult> run(MarketData data, List<WalkForwardWindow> windows, List<ParameterSet> grid, SweepProgress progress)
            throws InterruptedException {
        List<WindowResult> out = new ArrayList<>(windows.size());
        for (WalkForwardWindow w : windows) {
            out.add(runWindow(data, w, grid));
            progress.onRunDone(out.size(), windows.size());
        }
        return List.copyOf(out);
    }

    /** One window: fit on training, check on validation, score out of sample. */
    public WindowResult runWindow(MarketData data, WalkForwardWindow w, List<ParameterSet> grid) throws InterruptedException {
        MarketData train = slice(data, w.trainStart(), w.trainEnd(), w, "training");
        List<SweepResult> trainRuns = runner.run(config, train, grid, factory, SweepProgress.NONE);
        List<Integer> ranked = ranking(trainRuns);
        if (!trainRuns.get(ranked.get(0)).ok()) {
            throw new IllegalArgumentException("window " + w.index() + ": no parameter set could run: " + trainRuns.get(0).error());
        }
        List<SweepResult> validationRuns = List.of();
        ParameterSet chosen = trainRuns.get(ranked.get(0)).parameters();
        Metrics validation = null;
        if (w.hasValidation()) {
            MarketData validate = slice(data, w.validateStart(), w.validateEnd(), w, "validation");
            List<ParameterSet> candidates = new ArrayList<>();
            for (int i = 0; i < Math.min(shortlist, ranked.size()) && trainRuns.get(ranked.get(i)).ok(); i++) {
                candidates.add(trainRuns.get(ranked.get(i)).parameters());
            }
            validationRuns = runner.run(config, validate, candidates, factory, SweepProgress.NONE);
            SweepResult best = validationRuns.get(ranking(validationRuns).get(0));
            chosen = best.parameters();
            validation = best.metrics();
        }
        SweepResult inSample = trainRuns.get(grid.indexOf(chosen));
        MarketData test = slice(data, w.testStart(), w.testEnd(), w, "test");
        SweepResult outOfSample = SweepRunner.runOne(config, test, chosen, factory);
        if (!outOfSample.ok()) {
            throw new IllegalStateException("window " + w.index() + ": " + chosen + " ran on training but not on test: " + outOfSample.error());
        }
        return new WindowResult(w, trainRuns, validationRuns, chosen, inSample.metrics(), validation, outOfSample.metrics());
    }

    /** Indices of {@code runs}, best score first; equal scores keep their order (earlier in the grid first). */
    List<Integer> ranking(List<SweepResult> runs) {
        List<Integer> idx = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> objective.score(runs.get(i).metrics())).reversed()); // stable
        return idx;
    }

    private static MarketData slice(MarketData data, Instant from, Instant to, WalkForwardWindow w, String what) {
        return DataSlice.of(data, from, to).orElseThrow(() -> new IllegalArgumentException("window " + w.index() + ": no bars in the " + what
                + " range " + from + " to " + to));
    }
}
