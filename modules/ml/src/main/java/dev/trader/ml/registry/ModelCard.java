package dev.trader.ml.registry;

import dev.trader.ml.drift.FeatureReference;
import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.model.Standardizer;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one trained model besides its weights, stored beside them as
 * {@code card.json}: what it is, what it was made from (data version, feature code, seed), how it
 * labels and calibrates, and how it did out of sample next to the baseline.
 *
 * @param fingerprint the {@link dev.trader.ml.model.DirectionModel#fingerprint()} of the stored model; checked when it is loaded
 * @param lookback how many feature rows, the latest included, one answer reads (1 but for a sequence model)
 * @param reference the training rows' feature quantiles, which drift checks compare recent data with
 */
public record ModelCard(String name, String version, String kind, long seed, String fingerprint, DataVersion data, List<String> features,
                        int lookback, int horizonMinutes, double bandBps, String calibration, List<CalibratorSpec> calibrators, Standardizer standardizer,
                        ConfidenceTier.Thresholds tiers, Instant trainedFrom, Instant trainedTo, Figures outOfSample, Gate gate,
                        FeatureReference reference) {

    public ModelCard {
        // Cards written before sequence models had no lookback: their models read one row.
        lookback = Math.max(1, lookback);
    }

    /**
     * The pooled walk-forward figures of the model (as calibrated) and of the baseline, and how many
     * out-of-sample calls each confidence tier made (what the strategy's sample floor reads).
     */
    public record Figures(int rows, int folds, double accuracy, double brier, double logLoss, double expectedCalibrationError,
                          double baselineAccuracy, double baselineBrier, double brierSkill, java.util.Map<String, Integer> tierCalls) {
        public Figures {
            tierCalls = tierCalls == null ? java.util.Map.of() : java.util.Map.copyOf(tierCalls);
        }
    }

    /** Whether the model may be promoted: its calibration error and its skill against the baseline, with the reasons when not. */
    public record Gate(boolean passed, double maxCalibrationError, List<String> reasons) {
        public Gate {
            reasons = List.copyOf(reasons);
        }
    }

    /** This card as the registry lists it: the same, under {@code version}. */
    public ModelCard versioned(String version) {
        return new ModelCard(name, version, kind, seed, fingerprint, data, features, lookback, horizonMinutes, bandBps, calibration, calibrators, standardizer,
                tiers, trainedFrom, trainedTo, outOfSample, gate, reference);
    }

    /** This card with another gate verdict. */
    public ModelCard withGate(Gate verdict) {
        return new ModelCard(name, version, kind, seed, fingerprint, data, features, lookback, horizonMinutes, bandBps, calibration, calibrators, standardizer,
                tiers, trainedFrom, trainedTo, outOfSample, verdict, reference);
    }

    public String tag() {
        return name + "@" + version;
    }
}
