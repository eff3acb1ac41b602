package dev.trader.backtest.research;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.metrics.Metrics;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.session.SessionClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one backtest per parameter set on a bounded pool of threads (by default one per core) and
 * returns the results in grid order, whatever order the runs finished in: each run is the
 * single-threaded deterministic backtester on the shared, immutable market data, with its own
 * strategy instance and state, so the results do not depend on the number of threads.
 */
public final class SweepRunner {
    private final int threads;

    /** @param threads the pool's size, at least 1 */
    public SweepRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a sweep needs at least one thread but was given " + threads);
        }
        this.threads = threads;
    }

    /** One thread per available processor. */
    public static SweepRunner sizedToMachine() {
        return new SweepRunner(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs every parameter set of {@code grid} on {@code data}; results in grid order. */
    public List<SweepResult> run(BacktestConfig config, MarketData data, List<ParameterSet> grid, StrategyFactory factory, SweepProgress progress)
            throws InterruptedException {
        int poolSize = Math.min(threads, Math.max(1, grid.size()));
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, new Named());
        try {
            List<Future<SweepResult>> futures = new ArrayList<>(grid.size());
            for (ParameterSet p : grid) {
                futures.add(pool.submit(() -> runOne(config, data, p, factory)));
            }
            List<SweepResult> out = new ArrayList<>(grid.size());
            for (Future<SweepResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
                progress.onRunDone(out.size(), grid.size());
            }
            return List.copyOf(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run, on the calling thread. A parameter set the strategy rejects gives an error result, not an exception. */
    public static SweepResult runOne(BacktestConfig config, MarketData data, ParameterSet parameters, StrategyFactory factory) {
        Strategy strategy;
        try {
            strategy = factory.create(parameters);
        } catch (IllegalArgumentException e) {
            return new SweepResult(parameters, null, e.getMessage());
        }
        BacktestResult result = new Backtester(config).run(strategy, data);
        return new SweepResult(parameters, Metrics.compute(config.initialCash(), result.equity(), result.timeframe().duration(), result.trades(),
                result.fills(), SessionClock.defaults()), null);
    }

    /** Daemon threads named {@code sweep-1}, {@code sweep-2}, ...: a stuck sweep does not keep the JVM alive. */
    private static final class Named implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
