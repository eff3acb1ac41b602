package dev.trader.app;

import dev.trader.ml.feature.FeatureFrame;
import java.time.Instant;

/** The rows of a feature frame closing at or after a time: features computed on the whole data (warm), checked on the window. */
final class FeatureWindow {
    private FeatureWindow() {
    }

    static FeatureFrame from(FeatureFrame all, Instant start) {
        long t = start.toEpochMilli();
        int n = 0;
        for (long c : all.closeTimeMs()) {
            n += c >= t ? 1 : 0;
        }
        int[] keep = new int[n];
        int k = 0;
        for (int i = 0; i < all.rows(); i++) {
            if (all.closeTimeMs()[i] >= t) {
                keep[k++] = i;
            }
        }
        double[][] columns = new double[all.columns().length][n];
        int[] instrument = new int[n];
        long[] times = new long[n];
        double[] close = new double[n];
        for (int j = 0; j < n; j++) {
            int i = keep[j];
            instrument[j] = all.instrument()[i];
            times[j] = all.closeTimeMs()[i];
            close[j] = all.close()[i];
            for (int c = 0; c < columns.length; c++) {
                columns[c][j] = all.columns()[c][i];
            }
        }
        return new FeatureFrame(all.names(), all.instruments(), instrument, times, close, columns);
    }
}
