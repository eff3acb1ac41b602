package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureHistory;
import dev.trader.ml.label.Direction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained LSTM ({@link LstmTraining}) over the last {@link #lookback()} feature rows. Answers
 * come from {@link LstmForward}, the network's forward pass in plain Java, one code path for
 * walk-forward scoring and for a running strategy; {@link #networkProbabilities} asks
 * Deeplearning4j itself, which the tests compare it with.
 */
public final class LstmClassifier implements DirectionModel {
    private final MultiLayerNetwork net;
    private final LstmForward forward;
    private final int lookback;
    private final List<String> names;
    private final Standardizer standardizer;

    LstmClassifier(MultiLayerNetwork net, int lookback, List<String> featureNames, Standardizer standardizer) {
        if (standardizer.mean().length != featureNames.size()) {
            throw new IllegalArgumentException("the LSTM's standardizer has " + standardizer.mean().length + " features, its names "
                    + featureNames.size());
        }
        this.net = net;
        this.forward = LstmForward.of(net);
        this.lookback = lookback;
        this.names = List.copyOf(featureNames);
        this.standardizer = standardizer;
    }

    /** Reads a network written by {@link #save}. */
    public static LstmClassifier load(Path file, int lookback, List<String> featureNames, Standardizer standardizer) throws IOException {
        Nd4jThreads.single();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable LSTM network: " + e.getMessage(), e);
        }
        long inputs = net.layerInputSize(0);
        if (inputs != featureNames.size()) {
            throw new IOException(file + " reads " + inputs + " features but its card names " + featureNames.size());
        }
        return new LstmClassifier(net, lookback, featureNames, standardizer);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LSTM;
    }

    @Override
    public int lookback() {
        return lookback;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public Standardizer standardizer() {
        return standardizer;
    }

    @Override
    public double[] probabilities(FeatureHistory history) {
        double[][] steps = history.window(lookback);
        for (int t = 0; t < steps.length; t++) {
            steps[t] = standardizer.apply(steps[t]);
        }
        return forward.probabilities(steps);
    }

    /** Deeplearning4j's own answers for these histories (not thread-safe: a network is not). */
    synchronized double[][] networkProbabilities(FeatureHistory[] histories) {
        INDArray p = net.output(SequenceTensors.of(histories, lookback, standardizer), false);
        double[][] out = new double[histories.length][Direction.values().length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = p.getDouble(i, k);
                sum += out[i][k];
            }
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] /= sum;
            }
        }
        return out;
    }

    /** The layers' configuration, the weights (as stored, in float), the lookback and the feature order. */
    @Override
    public synchronized String fingerprint() {
        MessageDigest md = ModelFingerprint.sha256();
        md.update(net.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        md.update(("lookback=" + lookback + "\n" + String.join("\n", names)).getBytes(StandardCharsets.UTF_8));
        float[] weights = net.params().toFloatVector();
        ByteBuffer b = ByteBuffer.allocate(weights.length * Float.BYTES);
        for (float w : weights) {
            b.putFloat(w);
        }
        md.update(b.array());
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public synchronized void save(Path file) throws IOException {
        // Without the optimizer's state: a stored model is served, never trained further.
        ModelSerializer.writeModel(net, file.toFile(), false);
    }
}
