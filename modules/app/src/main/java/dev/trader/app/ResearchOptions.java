package dev.trader.app;

import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.ParameterGrid;
import dev.trader.backtest.research.SweepRunner;
import java.util.List;
import picocli.CommandLine.Option;

/** The options sweep and walk-forward share: the parameter grid, the metric that ranks it, the thread pool. */
final class ResearchOptions {
    @Option(names = "--param", paramLabel = "NAME=V1,V2,...",
            description = {"a strategy parameter and the values to try, repeatable; the grid is every combination. A value may be a range "
                    + "lo..hi (step 1) or lo..hi/step; a dotted name reaches a nested parameter (gate.adx-min=15,20,25). "
                    + "Without --param, the strategy file's parameters run alone."})
    List<String> params = List.of();

    @Option(names = "--metric", defaultValue = "sharpe", paramLabel = "METRIC",
            description = "what ranks the parameter sets, higher is better: sharpe (per bar, annualised), sortino, sharpe_daily, sortino_daily, "
                    + "cagr, calmar, total_return, net_pnl, profit_factor, win_rate, expectancy_r, max_drawdown_pct (lower is better) "
                    + "(default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--threads", paramLabel = "N", description = "backtests run at once, results are the same for any number (default: one per available core)")
    Integer threads;

    ParameterGrid grid() {
        return ParameterGrid.parse(params);
    }

    Objective objective() {
        return Objective.parse(metric);
    }

    SweepRunner runner() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 but was " + threads);
        }
        return threads == null ? SweepRunner.sizedToMachine() : new SweepRunner(threads);
    }
}
