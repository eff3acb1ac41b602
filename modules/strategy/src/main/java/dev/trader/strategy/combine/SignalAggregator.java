package dev.trader.strategy.combine;

import dev.trader.domain.signal.SignalDirection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines the current stances of several sources (in a fixed source order) into one stance,
 * by an {@link AggregationMode}. Pure: the same stances always give the same answer.
 */
public final class SignalAggregator {
    private final AggregationMode mode;
    private final double[] weights;
    private final double threshold;
    private final int quorum;

    /**
     * @param weights   one per source, positive (used by WEIGHTED)
     * @param threshold share of the total weight the winner needs, in (0, 1] (WEIGHTED)
     * @param quorum    sources that must agree (THRESHOLD), at least 1
     */
    public SignalAggregator(AggregationMode mode, double[] weights, double threshold, int quorum) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.weights = weights.clone();
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight of source " + i + " must be positive but was " + weights[i]);
            }
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1] but was " + threshold);
        }
        if (quorum < 1 || quorum > weights.length) {
            throw new IllegalArgumentException("quorum must be within 1.." + weights.length + " but was " + quorum);
        }
        this.threshold = threshold;
        this.quorum = quorum;
    }

    public Stance combine(List<Stance> stances) {
        if (stances.size() != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " stances but got " + stances.size());
        }
        Map<SignalDirection, Integer> counts = new EnumMap<>(SignalDirection.class);
        Map<SignalDirection, Double> weight = new EnumMap<>(SignalDirection.class);
        Map<SignalDirection, Double> weightedConfidence = new EnumMap<>(SignalDirection.class);
        Map<SignalDirection, Double> confidence = new EnumMap<>(SignalDirection.class);
        double totalWeight = 0;
        int voters = 0;
        for (int i = 0; i < stances.size(); i++) {
            Stance s = stances.get(i);
            totalWeight += weights[i];
            if (s.isNone()) {
                continue;
            }
            voters++;
            counts.merge(s.direction(), 1, Integer::sum);
            weight.merge(s.direction(), weights[i], Double::sum);
            weightedConfidence.merge(s.direction(), weights[i] * s.confidence(), Double::sum);
            confidence.merge(s.direction(), s.confidence(), Double::sum);
        }
        return switch (mode) {
            case VOTE -> vote(counts, confidence, voters);
            case WEIGHTED -> weighted(weight, weightedConfidence, totalWeight);
            case UNANIMOUS -> unanimous(counts, confidence, stances.size());
            case THRESHOLD -> quorum(counts, confidence);
        };
    }

    private static Stance vote(Map<SignalDirection, Integer> counts, Map<SignalDirection, Double> confidence, int voters) {
        SignalDirection best = null;
        int bestCount = 0;
        boolean tie = false;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
                tie = false;
            } else if (e.getValue() == bestCount) {
                tie = true;
            }
        }
        if (best == null || tie) {
            return Stance.NONE;
        }
        return new Stance(best, (double) bestCount / voters * (confidence.get(best) / bestCount));
    }

    private Stance weighted(Map<SignalDirection, Double> weight, Map<SignalDirection, Double> weightedConfidence, double totalWeight) {
        SignalDirection best = null;
        double bestWeight = 0;
        boolean tie = false;
        for (var e : weight.entrySet()) {
            if (e.getValue() > bestWeight) {
                best = e.getKey();
                bestWeight = e.getValue();
                tie = false;
            } else if (e.getValue() == bestWeight) {
                tie = true;
            }
        }
        // as in VOTE, a tie for the heaviest is no stance: the enum order must not pick the winner
        double share = bestWeight / totalWeight;
        if (best == null || tie || share < threshold) {
            return Stance.NONE;
        }
        return new Stance(best, weightedConfidence.get(best) / bestWeight);
    }

    private static Stance unanimous(Map<SignalDirection, Integer> counts, Map<SignalDirection, Double> confidence, int sources) {
        if (counts.size() != 1) {
            return Stance.NONE;
        }
        var only = counts.entrySet().iterator().next();
        return only.getValue() == sources ? new Stance(only.getKey(), confidence.get(only.getKey()) / sources) : Stance.NONE;
    }

    private Stance quorum(Map<SignalDirection, Integer> counts, Map<SignalDirection, Double> confidence) {
        SignalDirection winner = null;
        for (var e : counts.entrySet()) {
            if (e.getValue() >= quorum) {
                if (winner != null) {
                    return Stance.NONE;
                }
                winner = e.getKey();
            }
        }
        return winner == null ? Stance.NONE : new Stance(winner, confidence.get(winner) / counts.get(winner));
    }
}
