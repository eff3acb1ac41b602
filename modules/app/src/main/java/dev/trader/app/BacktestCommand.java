package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestReport;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.Summary;
import dev.trader.backtest.metrics.Metrics;
import dev.trader.backtest.report.RunReport;
import dev.trader.domain.money.Money;
import dev.trader.marketdata.file.MarketDataFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trader backtest}: one deterministic backtest of a strategy file, written as trades.csv,
 * equity.csv, summary.json with every metric, and a self-contained report.html; progress on stderr.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a strategy file on candle files and write trades.csv, equity.csv, summary.json (with every metric: "
                + "CAGR, Sharpe, Sortino, Calmar, drawdown, profit factor, R multiples, exposure, hit rate by session and by weekday x hour, "
                + "monthly returns, ...) and report.html (self-contained charts: equity, drawdown, monthly and daily returns, weekday x hour "
                + "heatmap; open it in any browser, it loads nothing from the network).",
                "The strategy runs on every instrument of the data (each with its own state and position); market orders fill at "
                        + "the next bar's open, a LONG signal's stop_price places a protective stop, fees and slippage come from the "
                        + "options below. Progress goes to stderr. Deterministic: the same input gives byte-identical files."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write trades.csv, equity.csv, summary.json and report.html into")
    Path out;

    @Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            StrategyFile file = inputs.strategy();
            BacktestConfig config = execution.config();
            LoadedData loaded = inputs.load(file, stdout, stderr);
            execution.showCosts(loaded.data().instruments(), stdout);
            long started = System.nanoTime();
            BacktestResult result = new Backtester(config).run(file.strategy(), loaded.data(), new StderrProgress(stderr, "backtest", "bars"));
            double seconds = (System.nanoTime() - started) / 1e9;
            Metrics m = RunReport.write(result, out);
            Summary s = Summary.of(result);
            stdout.printf("%s on %s: %d bars in %.2f s; %d round trips, net P&L %s %s after %s fees, win rate %s, max drawdown %s; "
                            + "%d position(s) open at the end%n", s.strategy(), s.instruments(), s.bars(), seconds, s.trades(),
                    plain(s.netPnl()), s.currency(), plain(s.fees()), s.winRate().toPlainString(), plain(s.maxDrawdown()), s.openPositions());
            stdout.printf(Locale.ROOT, "total return %s, CAGR %s, Sharpe %s (per bar) / %s (daily), Sortino %s, Calmar %s, max drawdown %s "
                            + "lasting %s, profit factor %s, expectancy %s R over %d trade(s) with a stop, exposure %s%n",
                    pct(m.totalReturn()), pct(m.cagr()), num(m.sharpe()), num(m.sharpeDaily()), num(m.sortino()), num(m.calmar()),
                    pct(m.drawdown().maxFraction().doubleValue()), m.drawdown().longestDuration(), num(m.trades().profitFactor()),
                    num(m.trades().expectancyR()), m.trades().rTrades(), pct(m.exposure()));
            stdout.printf("wrote %s, %s, %s, %s in %s%n", BacktestReport.TRADES, BacktestReport.EQUITY, BacktestReport.SUMMARY, RunReport.HTML, out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | MarketDataFileException e) { // StrategyConfigException is one
            stderr.println("trader backtest: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }

    private static String plain(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
