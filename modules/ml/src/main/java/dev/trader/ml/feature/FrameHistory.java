package dev.trader.ml.feature;

/**
 * The {@link FeatureHistory} of each row of a frame: the rows before it of the same instrument,
 * back to the last gap. Computes the runs once (a frame's rows are grouped by instrument and in
 * time order within each group).
 */
public final class FrameHistory {
    private final FeatureFrame frame;
    private final int[] run;

    private FrameHistory(FeatureFrame frame, int[] run) {
        this.frame = frame;
        this.run = run;
    }

    public static FrameHistory of(FeatureFrame frame) {
        int n = frame.rows();
        int[] run = new int[n];
        for (int i = 0; i < n; i++) {
            boolean continues = i > 0 && frame.instrument()[i] == frame.instrument()[i - 1]
                    && frame.closeTimeMs()[i] - frame.closeTimeMs()[i - 1] == FeatureHistory.MINUTE_MS;
            run[i] = continues ? run[i - 1] + 1 : 1;
        }
        return new FrameHistory(frame, run);
    }

    /** Row {@code i} and the rows of its run before it. */
    public FeatureHistory at(int i) {
        return new FeatureHistory() {
            @Override
            public int available() {
                return run[i];
            }

            @Override
            public double[] back(int back) {
                if (back < 0 || back >= run[i]) {
                    throw new IndexOutOfBoundsException("row " + i + " has " + run[i] + " rows in its run, not " + (back + 1));
                }
                return frame.row(i - back);
            }
        };
    }
}
