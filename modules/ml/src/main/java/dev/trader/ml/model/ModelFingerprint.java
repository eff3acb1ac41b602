package dev.trader.ml.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The SHA-256 of what a model computes with, and nothing else: the boosters' bytes or the
 * weights, with the feature and class order (the standardization is in the card). Tribuo's own serialized
 * form carries the training time in its provenance, so it differs between two identical runs;
 * this hash does not, which is what the reproducibility check compares.
 */
public final class ModelFingerprint {
    private ModelFingerprint() {
    }

    public static String of(Model<Label> model) {
        MessageDigest md = sha256();
        // The feature names and ids only: the map's statistics print categorical values in hash order, which a reload changes.
        ImmutableFeatureMap features = model.getFeatureIDMap();
        StringBuilder names = new StringBuilder();
        for (int id = 0; id < features.size(); id++) {
            names.append(features.get(id).getName()).append('=').append(id).append('\n');
        }
        md.update(names.toString().getBytes(StandardCharsets.UTF_8));
        md.update(model.getOutputIDInfo().toReadableString().getBytes(StandardCharsets.UTF_8));
        content(model, md);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void content(Model<Label> model, MessageDigest md) {
        if (model instanceof XGBoostModel<Label> xgb) {
            for (Booster b : xgb.getInnerModels()) {
                try {
                    md.update(b.toByteArray());
                } catch (XGBoostError e) {
                    throw new IllegalStateException("XGBoost could not write its booster: " + e.getMessage(), e);
                }
            }
        } else if (model instanceof LinearSGDModel linear) {
            for (double[] row : linear.getWeightsCopy().toArray()) {
                ByteBuffer b = ByteBuffer.allocate(row.length * Double.BYTES);
                for (double w : row) {
                    b.putDouble(w);
                }
                md.update(b.array());
            }
        } else {
            throw new IllegalArgumentException("no fingerprint for a " + model.getClass().getSimpleName());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
