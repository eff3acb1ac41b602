package dev.trader.ml.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The model families, each seeded for reproducibility and run on one thread (the same seed and
 * data give the same model on any machine; the two cores are the node's): two Tribuo models that
 * read the latest feature row, and an LSTM (Deeplearning4j) that reads the last few. How each is
 * trained is {@link Training}'s.
 */
public enum ModelKind {
    /** Gradient-boosted trees: 200 trees of depth 4, learning rate 0.05, 80% row and column subsampling. */
    XGBOOST("model.tribuo"),
    /** Multinomial logistic regression on standardized features (AdaGrad, 3 epochs over the rows). */
    LOGISTIC("model.tribuo"),
    /** A recurrent network over the last few feature rows ({@link LstmRecipe}). */
    LSTM("model.dl4j");

    private final String fileName;

    ModelKind(String fileName) {
        this.fileName = fileName;
    }

    /** The model's file in a registry folder, beside its card. */
    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelKind parse(String id) {
        for (ModelKind k : values()) {
            if (k.id().equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + id + "'; known are " + Arrays.stream(values()).map(ModelKind::id).toList());
    }
}
