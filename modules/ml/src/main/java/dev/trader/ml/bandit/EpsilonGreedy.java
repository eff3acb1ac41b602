package dev.trader.ml.bandit;

import java.util.Random;

/** With probability ε a uniformly random arm, else the arm of highest win rate so far (untried arms first). */
public final class EpsilonGreedy extends CountingPolicy {
    private final double epsilon;

    public EpsilonGreedy(int arms, double epsilon) {
        super(arms);
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be within [0, 1] but was " + epsilon);
        }
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
}
