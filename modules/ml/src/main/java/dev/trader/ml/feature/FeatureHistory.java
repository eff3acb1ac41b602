package dev.trader.ml.feature;

/**
 * The feature rows of one instrument up to and including the latest, as a model reads them: a
 * tabular model the latest row only, a sequence model the last few. Only rows of one unbroken run
 * of consecutive minutes count; a gap in the bars starts a new run, so a sequence never spans
 * one. Training reads it from a {@link FeatureFrame} ({@link FrameHistory}), a running strategy
 * from the rows it has kept ({@link RecentFeatures}): the same rule on both sides.
 */
public interface FeatureHistory {
    long MINUTE_MS = 60_000L;

    /** How many rows of the current run are at hand, the latest included (at least 1). */
    int available();

    /** The row {@code back} rows before the latest (0 = the latest); {@code back < available()}. */
    double[] back(int back);

    /** The latest row. */
    default double[] latest() {
        return back(0);
    }

    /**
     * The last {@code length} rows, oldest first. When the run is shorter the missing older rows
     * are copies of its oldest row: a sequence model sees a steady past rather than zeros no market
     * ever showed, and training pads exactly as serving does.
     */
    default double[][] window(int length) {
        double[][] out = new double[length][];
        int have = Math.min(available(), length);
        for (int k = 0; k < length; k++) {
            int back = Math.min(length - 1 - k, have - 1);
            out[k] = back(back);
        }
        return out;
    }
}
