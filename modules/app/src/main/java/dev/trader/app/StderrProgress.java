package dev.trader.app;

import dev.trader.backtest.BacktestProgress;
import dev.trader.backtest.research.SweepProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run on stderr, one line per tenth: {@code backtest: 30% (6,048 of 20,160 bars)}.
 * Only stderr: the files written stay free of anything that depends on timing.
 */
final class StderrProgress implements BacktestProgress, SweepProgress {
    private final PrintWriter err;
    private final String what;
    private final String unit;
    private int lastTenth = -1;

    StderrProgress(PrintWriter err, String what, String unit) {
        this.err = err;
        this.what = what;
        this.unit = unit;
    }

    @Override
    public void onProgress(long done, long total) {
        report(done, total);
    }

    @Override
    public void onRunDone(int done, int total) {
        report(done, total);
    }

    /** Prints when the nearest tenth moves on (the backtester reports at each tenth of the bars, rounded down to a bar). */
    private void report(long done, long total) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int tenth = (int) Math.round(fraction * 10);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d %s)%n", what, Math.round(fraction * 100), done, total, unit);
            err.flush();
        }
    }
}
