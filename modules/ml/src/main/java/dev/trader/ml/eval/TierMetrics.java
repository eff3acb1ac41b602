package dev.trader.ml.eval;

import dev.trader.ml.label.Direction;
import java.util.EnumMap;
import java.util.Map;

/**
 * Precision and recall of the directional calls in each confidence tier: precision is how many
 * of the tier's calls the price then made; recall is how many of all the real moves (UP or DOWN
 * outcomes) the tier called rightly.
 */
public record TierMetrics(ConfidenceTier tier, int calls, int right, double precision, double recall) {

    public static Map<ConfidenceTier, TierMetrics> of(double[][] p, int[] label, ConfidenceTier.Thresholds thresholds) {
        int moves = 0;
        for (int l : label) {
            moves += l != Direction.FLAT.ordinal() ? 1 : 0;
        }
        Map<ConfidenceTier, int[]> counts = new EnumMap<>(ConfidenceTier.class);
        for (ConfidenceTier t : ConfidenceTier.values()) {
            counts.put(t, new int[2]);
        }
        for (int i = 0; i < p.length; i++) {
            ConfidenceTier t = ConfidenceTier.call(p[i], thresholds);
            int[] c = counts.get(t);
            c[0]++;
            c[1] += ProbabilityMetrics.argmax(p[i]) == label[i] ? 1 : 0;
        }
        Map<ConfidenceTier, TierMetrics> out = new EnumMap<>(ConfidenceTier.class);
        for (ConfidenceTier t : ConfidenceTier.values()) {
            if (t == ConfidenceTier.NONE) {
                continue;
            }
            int[] c = counts.get(t);
            out.put(t, new TierMetrics(t, c[0], c[1], c[0] == 0 ? Double.NaN : (double) c[1] / c[0], moves == 0 ? Double.NaN : (double) c[1] / moves));
        }
        return out;
    }
}
