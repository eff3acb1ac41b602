package dev.trader.ml.bandit;

import java.util.Random;

/** With probability ε a uniformly random arm, else the arm of highest win rate so far (untried arms first). */
public final class EpsilonGreedy implements BanditPolicy {
    private final ArmCounts counts;
    private final double epsilon;

    public EpsilonGreedy(int arms, double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be within [0, 1] but was " + epsilon);
        }
        this.counts = new ArmCounts(arms);
        this.epsilon = epsilon;
    }

    @Override
    public int choose(Random random) {
        if (random.nextDouble() < epsilon) {
            return random.nextInt(counts.plays.length);
        }
        int untried = counts.untried();
        if (untried >= 0) {
            return untried;
        }
        int best = 0;
        for (int a = 1; a < counts.plays.length; a++) {
            if (counts.mean(a) > counts.mean(best)) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public void update(int arm, boolean win) {
        counts.update(arm, win);
    }

    @Override
    public double[] means() {
        return counts.means();
    }
}
