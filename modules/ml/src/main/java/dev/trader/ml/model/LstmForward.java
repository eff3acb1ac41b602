package dev.trader.ml.model;

import dev.trader.ml.label.Direction;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained network's forward pass in plain Java, which is what answers: Deeplearning4j spent
 * ~3 ms a call on one short sequence here (its per-operation overhead), and a backtest asks once a
 * bar; with this pass a whole LSTM backtest ran 48,604 bars in 4.2 s, features and all. It computes what the network does, in double from its float weights (the test
 * holds it to Deeplearning4j's own output): an LSTM layer (Deeplearning4j's gate order: block input,
 * forget, output, input gate; sigmoid gates, tanh block input and cell output), its last step into
 * a dense softmax layer.
 */
final class LstmForward {
    private final int inputs;
    private final int hidden;
    private final double[][] inputWeights;     // [inputs][4 * hidden]
    private final double[][] recurrentWeights; // [hidden][4 * hidden]
    private final double[] bias;               // [4 * hidden]
    private final double[][] outputWeights;    // [hidden][classes]
    private final double[] outputBias;         // [classes]

    private LstmForward(double[][] inputWeights, double[][] recurrentWeights, double[] bias, double[][] outputWeights, double[] outputBias) {
        this.inputs = inputWeights.length;
        this.hidden = recurrentWeights.length;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.bias = bias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        if (bias.length != 4 * hidden || outputWeights.length != hidden || outputBias.length != Direction.values().length) {
            throw new IllegalArgumentException("not an LSTM of " + hidden + " units into " + Direction.values().length + " classes");
        }
    }

    static LstmForward of(MultiLayerNetwork net) {
        Map<String, INDArray> p = net.paramTable();
        return new LstmForward(matrix(p, "0_W"), matrix(p, "0_RW"), vector(p, "0_b"), matrix(p, "1_W"), vector(p, "1_b"));
    }

    /** P(DOWN), P(FLAT), P(UP) after reading {@code steps} (oldest first, standardized). */
    double[] probabilities(double[][] steps) {
        double[] h = new double[hidden];
        double[] c = new double[hidden];
        double[] z = new double[4 * hidden];
        for (double[] x : steps) {
            if (x.length != inputs) {
                throw new IllegalArgumentException("the LSTM reads " + inputs + " features, not " + x.length);
            }
            System.arraycopy(bias, 0, z, 0, z.length);
            for (int k = 0; k < inputs; k++) {
                addScaled(z, inputWeights[k], x[k]);
            }
            for (int k = 0; k < hidden; k++) {
                addScaled(z, recurrentWeights[k], h[k]);
            }
            for (int u = 0; u < hidden; u++) {
                double block = Math.tanh(z[u]);
                double forget = sigmoid(z[hidden + u]);
                double output = sigmoid(z[2 * hidden + u]);
                double input = sigmoid(z[3 * hidden + u]);
                c[u] = forget * c[u] + input * block;
                h[u] = output * Math.tanh(c[u]);
            }
        }
        double[] logits = outputBias.clone();
        for (int u = 0; u < hidden; u++) {
            addScaled(logits, outputWeights[u], h[u]);
        }
        return softmax(logits);
    }

    private static void addScaled(double[] into, double[] row, double scale) {
        if (scale == 0) {
            return;
        }
        for (int j = 0; j < into.length; j++) {
            into[j] += row[j] * scale;
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(logits[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private static double[][] matrix(Map<String, INDArray> params, String key) {
        INDArray a = param(params, key);
        if (a.rank() != 2) {
            throw new IllegalArgumentException("parameter " + key + " is not a matrix: " + a.shapeInfoToString());
        }
        return a.toDoubleMatrix();
    }

    private static double[] vector(Map<String, INDArray> params, String key) {
        return param(params, key).toDoubleVector();
    }

    private static INDArray param(Map<String, INDArray> params, String key) {
        INDArray a = params.get(key);
        if (a == null) {
            throw new IllegalArgumentException("the network has no parameter " + key + " (it has " + params.keySet() + ")");
        }
        return a;
    }
}
