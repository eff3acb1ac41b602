package dev.trader.ml.model;

import dev.trader.ml.label.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/** A trained Tribuo classifier as {@link ClassProbabilities}, over the feature columns it was trained on. */
public final class TribuoClassifier implements ClassProbabilities {
    private final Model<Label> model;
    private final String[] names;
    private final Standardizer standardizer;

    public TribuoClassifier(Model<Label> model, List<String> featureNames, Standardizer standardizer) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("model " + model.getName() + " does not give probabilities");
        }
        this.model = model;
        this.names = featureNames.toArray(String[]::new);
        this.standardizer = standardizer;
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    public List<String> featureNames() {
        return List.of(names);
    }

    public Model<Label> model() {
        return model;
    }

    @Override
    public double[] probabilities(double[] features) {
        return toArray(model.predict(example(features)));
    }

    /** Many rows at once: Tribuo predicts a batch faster than row by row (XGBoost builds one matrix). */
    public double[][] probabilities(List<double[]> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        rows.forEach(r -> examples.add(example(r)));
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
