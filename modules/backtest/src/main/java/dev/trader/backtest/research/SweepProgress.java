package dev.trader.backtest.research;

/** Told as runs of a sweep finish (from the caller's thread, in grid order), so that the CLI can show progress. */
@FunctionalInterface
public interface SweepProgress {
    SweepProgress NONE = (done, total) -> { };

    void onRunDone(int done, int total);
}
