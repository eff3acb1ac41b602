package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureHistory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Feature histories as the LSTM's input: [batch, features, time] in float, standardized, oldest step first. */
final class SequenceTensors {
    private SequenceTensors() {
    }

    static INDArray of(FeatureHistory[] histories, int lookback, Standardizer standardizer) {
        int b = histories.length;
        int f = standardizer.mean().length;
        float[] data = new float[b * f * lookback];
        for (int i = 0; i < b; i++) {
            double[][] window = histories[i].window(lookback);
            for (int t = 0; t < lookback; t++) {
                double[] row = standardizer.apply(window[t]);
                if (row.length != f) {
                    throw new IllegalArgumentException("the model takes " + f + " features, not " + row.length);
                }
                for (int k = 0; k < f; k++) {
                    data[(i * f + k) * lookback + t] = (float) row[k];
                }
            }
        }
        return Nd4j.create(data, new long[] {b, f, lookback}, 'c');
    }

    /** One-hot rows of the classes {@code labels}: [batch, classes]. */
    static INDArray oneHot(int[] labels, int classes) {
        float[] data = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            data[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(data, new long[] {labels.length, classes}, 'c');
    }

    static DataType type() {
        return DataType.FLOAT;
    }
}
