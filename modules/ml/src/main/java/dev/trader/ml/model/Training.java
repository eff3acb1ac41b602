package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.label.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains a model of one {@link ModelKind} on chosen rows of a feature frame, and reads one back. */
public final class Training {
    private static final LabelFactory LABELS = new LabelFactory();

    private Training() {
    }

    /** The rows are indexes into {@code frame} and {@code labels}; every one must have a label. */
    public static DirectionModel train(ModelKind kind, long seed, FeatureFrame frame, int[] labels, int[] rows, String description) {
        for (int i : rows) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("row " + i + " has no label and cannot be trained on");
            }
        }
        if (java.util.Arrays.stream(rows).map(i -> labels[i]).distinct().count() < 2) {
            throw new IllegalArgumentException("the training rows hold only one class: nothing to learn");
        }
        return switch (kind) {
            case XGBOOST -> tribuo(kind, new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST, 200, 0.05,
                    0.0, 4, 5.0, 0.8, 0.8, 1.0, 0.0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, seed), false, frame, labels, rows, description);
            // A linear model's weights need comparable scales; trees do not.
            case LOGISTIC -> tribuo(kind, new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.05, 0.1), 3, 10_000_000, 1, seed), true, frame,
                    labels, rows, description);
            case LSTM -> LstmTraining.train(LstmRecipe.DEFAULT, seed, frame, labels, rows);
        };
    }

    /** Reads a model written by {@link DirectionModel#save}; the card gives what the file does not hold. */
    public static DirectionModel load(ModelKind kind, Path file, List<String> featureNames, Standardizer standardizer, int lookback) throws IOException {
        if (kind == ModelKind.LSTM) {
            return LstmClassifier.load(file, lookback, featureNames, standardizer);
        }
        Model<?> raw;
        try {
            raw = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable Tribuo model: " + e.getMessage(), e);
        }
        if (!raw.validate(Label.class)) {
            throw new IOException(file + " is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) raw;
        return new TribuoClassifier(kind, model, featureNames, standardizer);
    }

    private static TribuoClassifier tribuo(ModelKind kind, Trainer<Label> trainer, boolean standardize, FeatureFrame frame, int[] labels, int[] rows,
                                           String description) {
        Standardizer standardizer = standardize ? Standardizer.fit(frame.rows(rows)) : Standardizer.identity(frame.names().size());
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        String[] names = frame.names().toArray(String[]::new);
        for (int i : rows) {
            // ArrayExample sorts the arrays it is given in place: each example gets its own copy of the names.
            data.add(new ArrayExample<>(new Label(Direction.values()[labels[i]].name()), names.clone(), standardizer.apply(frame.row(i))));
        }
        Model<Label> model = trainer.train(data);
        return new TribuoClassifier(kind, model, frame.names(), standardizer);
    }
}
