package dev.trader.ml.model;

import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The model families, each seeded for reproducibility and run on one thread (the same seed and
 * data give the same model on any machine; the two cores are the node's): two Tribuo models that
 * read the latest feature row, and an LSTM (Deeplearning4j) that reads the last few.
 */
public enum ModelKind {
    /** Gradient-boosted trees: 200 trees of depth 4, learning rate 0.05, 80% row and column subsampling. */
    XGBOOST {
        @Override
        public Trainer<Label> trainer(long seed) {
            return new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST, 200, 0.05, 0.0, 4, 5.0,
                    0.8, 0.8, 1.0, 0.0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
        }
    },
    /** Multinomial logistic regression on standardized features (AdaGrad, 3 epochs over the rows). */
    LOGISTIC {
        @Override
        public Trainer<Label> trainer(long seed) {
            return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.05, 0.1), 3, 10_000_000, 1, seed);
        }

        @Override
        public boolean standardizes() {
            return true;
        }
    },
    /** A recurrent network over the last {@link LstmRecipe#DEFAULT} lookback feature rows (see {@link LstmRecipe}). */
    LSTM {
        @Override
        public Trainer<Label> trainer(long seed) {
            throw new UnsupportedOperationException("the LSTM is trained by Deeplearning4j, not by a Tribuo trainer");
        }

        @Override
        public boolean standardizes() {
            return true;
        }

        @Override
        public String fileName() {
            return "model.dl4j";
        }
    };

    /** The Tribuo trainer of a Tribuo kind. */
    public abstract Trainer<Label> trainer(long seed);

    /** The model's file in a registry folder, beside its card. */
    public String fileName() {
        return "model.tribuo";
    }

    /** Whether its features are standardized first ({@link Standardizer}): a linear model's weights need comparable scales, trees do not. */
    public boolean standardizes() {
        return false;
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
        throw new IllegalArgumentException("unknown model kind '" + id + "'; known are "
                + java.util.Arrays.stream(values()).map(ModelKind::id).toList());
    }
}
