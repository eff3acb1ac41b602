package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.domain.id.StrategyId;
import dev.trader.marketdata.IngestReport;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trader bench ...}: benchmarks of the hot paths, printed for a person to read (not timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.", subcommands = {BenchCommand.Backtest.class, BenchPipelineCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = {"Backtest throughput: the reference strategy R1 with fills and fees (the default configuration), single-threaded, "
                    + "on real 1m candles pre-parsed into memory; warms up, then runs repeatedly and prints bars/second.",
                    "Default data: every binance-spot-1m/*.json.gz of the shared data set ($TRADER_MARKET_DATA, default /work/shared/data) "
                            + "when present, else sample-data/."})
    static final class Backtest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", split = ",", arity = "1..*", paramLabel = "FILE", description = "candle files (default: see above)")
        List<Path> data;

        @Option(names = "--warmup", defaultValue = "5", description = "untimed runs first, at least (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--warmup-seconds", defaultValue = "3", description = "and warm up for at least this long, so that the JIT "
                + "has compiled the loop (default: ${DEFAULT-VALUE})")
        double warmupSeconds;

        @Option(names = "--runs", defaultValue = "10", description = "timed runs (default: ${DEFAULT-VALUE})")
        int runs;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (runs < 1 || warmup < 0 || warmupSeconds < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1, --warmup and --warmup-seconds at least 0");
            }
            List<Path> files = data == null || data.isEmpty() ? BenchData.defaultFiles("*.json.gz") : data;
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "machine: %d cores, %s %s (%s), max heap %d MB, %s %s%n", rt.availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("java.vendor"),
                    rt.maxMemory() / (1024 * 1024), System.getProperty("os.name"), System.getProperty("os.arch"));
            long loadStart = System.nanoTime();
            LoadedData loaded = MarketDataLoader.load(files);
            MarketData market = loaded.data();
            out.printf(Locale.ROOT, "data: %d file(s), %d instrument(s) %s, %,d bars, %s; parsed into memory in %.1f s%n", files.size(),
                    market.instruments().size(), market.instruments(), market.size(), market.timeframe().label(), (System.nanoTime() - loadStart) / 1e9);
            for (int i = 0; i < files.size(); i++) {
                IngestReport r = loaded.reports().get(i);
                out.printf(Locale.ROOT, "  %s: %,d bars, %d rejected, %d gaps%n", files.get(i), r.barsAccepted(), r.rejected(), r.gaps());
            }
            Strategy r1 = StrategyCatalog.create(new StrategyId("r1"), "r1", Map.of());
            Backtester backtester = new Backtester(BacktestConfig.defaults());
            out.printf(Locale.ROOT, "strategy: R1 (EMA 12/26 cross, stop at close - 2 x ATR14), qty 1, fees 0.1%%, market fills at the next open; "
                    + "single-threaded; warm-up: at least %d run(s) and %.1f s; %d timed run(s)%n", warmup, warmupSeconds, runs);
            out.flush();
            long trades = -1;
            long warmupStart = System.nanoTime();
            int warmed = 0;
            while (warmed < warmup || System.nanoTime() - warmupStart < warmupSeconds * 1e9) {
                trades = check(trades, backtester.run(r1, market));
                warmed++;
            }
            out.printf(Locale.ROOT, "warmed up: %d run(s) in %.1f s%n", warmed, (System.nanoTime() - warmupStart) / 1e9);
            double[] rates = new double[runs];
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                BacktestResult result = backtester.run(r1, market);
                long t1 = System.nanoTime();
                trades = check(trades, result);
                seconds[i] = (t1 - t0) / 1e9;
                rates[i] = market.size() / seconds[i];
                out.printf(Locale.ROOT, "run %2d: %.3f s, %,.0f bars/s, %d trades%n", i + 1, seconds[i], rates[i], result.trades().size());
                out.flush();
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            double total = Arrays.stream(seconds).sum();
            out.printf(Locale.ROOT, "result: %,.0f bars/s median, %,.0f best, %,.0f worst; %,d bars and %d round trips per run; "
                    + "%.3f s per run on median (%d runs, %.1f s timed)%n", median, sorted[sorted.length - 1], sorted[0], market.size(), trades,
                    market.size() / median, runs, total);
            out.flush();
            return 0;
        }

        /** Every run must give the same trades: a benchmark of a non-deterministic loop would measure nothing. */
        private static long check(long previous, BacktestResult result) {
            long trades = result.trades().size();
            if (previous >= 0 && previous != trades) {
                throw new IllegalStateException("runs disagree: " + previous + " vs " + trades + " trades");
            }
            return trades;
        }
    }
}
