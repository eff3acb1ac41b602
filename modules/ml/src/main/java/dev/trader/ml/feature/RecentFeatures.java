package dev.trader.ml.feature;

import dev.trader.strategy.state.StateObject;

/**
 * The last feature rows of one instrument a running strategy keeps for its model, in a ring of
 * {@link #CAPACITY}: the serving side of {@link FeatureHistory}. A row that does not follow the
 * previous one by exactly one minute starts a new run, as {@link FrameHistory} does in training.
 */
public final class RecentFeatures extends StateObject implements FeatureHistory {
    /** The longest sequence a model may read. */
    public static final int CAPACITY = 64;

    private double[][] rows;
    private long lastCloseMs;
    private int run;
    private int next;

    private RecentFeatures() {
    }

    public static RecentFeatures empty() {
        RecentFeatures r = new RecentFeatures();
        r.rows = new double[CAPACITY][];
        r.lastCloseMs = Long.MIN_VALUE;
        return r;
    }

    public void add(long closeTimeMs, double[] row) {
        boolean continues = run > 0 && closeTimeMs - lastCloseMs == MINUTE_MS;
        run = continues ? Math.min(run + 1, CAPACITY) : 1;
        rows[next] = row.clone();
        next = (next + 1) % CAPACITY;
        lastCloseMs = closeTimeMs;
    }

    @Override
    public int available() {
        return run;
    }

    @Override
    public double[] back(int back) {
        if (back < 0 || back >= run) {
            throw new IndexOutOfBoundsException("only " + run + " recent rows are kept in this run, not " + (back + 1));
        }
        return rows[Math.floorMod(next - 1 - back, CAPACITY)];
    }
}
