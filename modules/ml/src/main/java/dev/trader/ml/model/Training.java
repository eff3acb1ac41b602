package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.label.Direction;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains a model of one {@link ModelKind} on chosen rows of a feature frame. */
public final class Training {
    private static final LabelFactory LABELS = new LabelFactory();

    private Training() {
    }

    /** The rows are indexes into {@code frame} and {@code labels}; every one must have a label. */
    public static TribuoClassifier train(ModelKind kind, long seed, FeatureFrame frame, int[] labels, int[] rows, String description) {
        Standardizer standardizer = kind.standardizes() ? Standardizer.fit(frame.rows(rows)) : Standardizer.identity(frame.names().size());
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        String[] names = frame.names().toArray(String[]::new);
        for (int i : rows) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("row " + i + " has no label and cannot be trained on");
            }
            // ArrayExample sorts the arrays it is given in place: each example gets its own copy of the names.
            data.add(new ArrayExample<>(new Label(Direction.values()[labels[i]].name()), names.clone(), standardizer.apply(frame.row(i))));
        }
        if (data.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException("the training rows hold only " + data.getOutputInfo().getDomain() + ": nothing to learn");
        }
        Model<Label> model = kind.trainer(seed).train(data);
        return new TribuoClassifier(model, frame.names(), standardizer);
    }
}
