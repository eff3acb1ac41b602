package dev.trader.backtest;

/**
 * Told how far a run has got, so that a long run can show progress (the CLI prints a percentage
 * to stderr). Called on the backtest's own thread at each tenth of the bars and once at the end
 * ({@code done == total}); never with the wall clock, so it cannot change a result.
 */
@FunctionalInterface
public interface BacktestProgress {
    /** Reports nothing; the default, at no cost per bar. */
    BacktestProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} bars (over all instruments) have been worked. */
    void onProgress(long done, long total);
}
