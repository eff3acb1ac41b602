package dev.trader.ml.signal;

import dev.trader.ml.feature.FeatureExtractor;
import dev.trader.ml.feature.RecentFeatures;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.state.StateObject;

/**
 * The ML signal strategy's memory of one instrument: its features' indicators, the last feature
 * rows (what a sequence model reads), the tier hysteresis and whether it has called LONG (and not
 * yet FLAT).
 */
public final class MlSignalState extends StateObject implements StrategyState {
    FeatureExtractor features;
    RecentFeatures recent;
    TierHysteresis tiers;
    boolean holding;

    private MlSignalState() {
    }

    MlSignalState(FeatureExtractor features, TierHysteresis tiers) {
        this.features = features;
        this.recent = RecentFeatures.empty();
        this.tiers = tiers;
    }
}
