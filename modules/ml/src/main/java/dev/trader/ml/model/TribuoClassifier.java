package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureHistory;
import dev.trader.ml.label.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** A trained Tribuo classifier (a tabular model: it reads the latest feature row only), over the feature columns it was trained on. */
public final class TribuoClassifier implements DirectionModel {
    private final ModelKind kind;
    private final Model<Label> model;
    private final String[] names;
    private final Standardizer standardizer;

    public TribuoClassifier(ModelKind kind, Model<Label> model, List<String> featureNames, Standardizer standardizer) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("model " + model.getName() + " does not give probabilities");
        }
        this.kind = kind;
        this.model = model;
        this.names = featureNames.toArray(String[]::new);
        this.standardizer = standardizer;
    }

    @Override
    public ModelKind kind() {
        return kind;
    }

    @Override
    public int lookback() {
        return 1;
    }

    @Override
    public Standardizer standardizer() {
        return standardizer;
    }

    @Override
    public List<String> featureNames() {
        return List.of(names);
    }

    public Model<Label> model() {
        return model;
    }

    @Override
    public String fingerprint() {
        return ModelFingerprint.of(model);
    }

    @Override
    public void save(Path file) throws IOException {
        model.serializeToFile(file);
    }

    @Override
    public double[] probabilities(FeatureHistory history) {
        return toArray(model.predict(example(history.latest())));
    }

    /** Many rows at once: Tribuo predicts a batch faster than row by row (XGBoost builds one matrix). */
    @Override
    public double[][] probabilities(FeatureFrame frame, int[] rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (int i : rows) {
            examples.add(example(frame.row(i)));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[][] out = new double[predictions.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toArray(predictions.get(i));
        }
        return out;
    }

    private Example<Label> example(double[] features) {
        if (features.length != names.length) {
            throw new IllegalArgumentException("the model takes " + names.length + " features, not " + features.length);
        }
        // ArrayExample sorts the arrays it is given in place: never hand it ours.
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names.clone(), standardizer.apply(features));
    }

    private static double[] toArray(Prediction<Label> p) {
        double[] out = new double[Direction.values().length];
        for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
            out[Direction.of(e.getKey()).ordinal()] = e.getValue().getScore();
        }
        double sum = out[0] + out[1] + out[2];
        if (sum > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= sum;
            }
        }
        return out;
    }
}
