package dev.trader.ml.bandit;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Strategy weights per context (session × regime) from a bandit per context: at each decision
 * the context's policy picks an arm, which gets {@code 1 − (K−1)·minWeight}; every other arm
 * keeps {@code minWeight}. The bound keeps every strategy trading a little (the bandit goes on
 * learning about it) and caps how much one strategy can take. Seeded: one {@link Random} for
 * all contexts, drawn in decision order.
 */
public final class ContextualAllocator {
    private final PolicyKind kind;
    private final int arms;
    private final double epsilon;
    private final double minWeight;
    private final Random random;
    private final Map<String, BanditPolicy> contexts = new TreeMap<>();

    public ContextualAllocator(PolicyKind kind, int arms, double epsilon, double minWeight, long seed) {
        if (!(minWeight >= 0 && minWeight * arms <= 1)) {
            throw new IllegalArgumentException("the minimum weight must be within [0, 1/" + arms + "] for " + arms + " strategies but was " + minWeight);
        }
        this.kind = kind;
        this.arms = arms;
        this.epsilon = epsilon;
        this.minWeight = minWeight;
        this.random = new Random(seed);
    }

    /** The weights of the next decision in {@code context}; they sum to one. */
    public double[] weights(String context) {
        int chosen = policy(context).choose(random);
        double[] w = new double[arms];
        java.util.Arrays.fill(w, minWeight);
        w[chosen] = 1 - (arms - 1) * minWeight;
        return w;
    }

    public void update(String context, int arm, boolean win) {
        policy(context).update(arm, win);
    }

    /** Each context's observed win rate per arm. */
    public Map<String, double[]> means() {
        Map<String, double[]> out = new TreeMap<>();
        contexts.forEach((c, p) -> out.put(c, p.means()));
        return out;
    }

    public int arms() {
        return arms;
    }

    private BanditPolicy policy(String context) {
        return contexts.computeIfAbsent(context, c -> kind.create(arms, epsilon));
    }
}
