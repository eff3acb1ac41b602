package dev.trader.ml.label;

import java.time.Duration;

/**
 * Labels each row with the direction of the close {@code horizon} later: UP or DOWN when the log
 * return leaves a no-trade band of {@code bandBps} basis points either way, FLAT inside it. A row
 * whose instrument has no bar exactly {@code horizon} after it (the end of the data, a gap) gets
 * no label and is left out of training and evaluation.
 */
public record DirectionLabeler(Duration horizon, double bandBps) {
    public static final int NONE = -1;

    public DirectionLabeler {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("label horizon must be positive but was " + horizon);
        }
        if (!(bandBps >= 0) || Double.isInfinite(bandBps)) {
            throw new IllegalArgumentException("no-trade band must be zero or more basis points but was " + bandBps);
        }
    }

    /**
     * The label of every row, {@link #NONE} where it has none. Rows of one instrument must be in
     * time order; {@code instrument[i]} groups them.
     */
    public int[] label(int[] instrument, long[] closeTimeMs, double[] close) {
        int n = close.length;
        int[] out = new int[n];
        long ahead = horizon.toMillis();
        double band = bandBps / 10_000.0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            long target = closeTimeMs[i] + ahead;
            if (j < i) {
                j = i;
            }
            while (j < n && instrument[j] == instrument[i] && closeTimeMs[j] < target) {
                j++;
            }
            if (j < n && instrument[j] == instrument[i] && closeTimeMs[j] == target) {
                double r = Math.log(close[j] / close[i]);
                out[i] = r > band ? Direction.UP.ordinal() : r < -band ? Direction.DOWN.ordinal() : Direction.FLAT.ordinal();
            } else {
                out[i] = NONE;
            }
        }
        return out;
    }
}
