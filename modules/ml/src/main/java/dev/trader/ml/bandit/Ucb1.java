package dev.trader.ml.bandit;

import java.util.Random;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer, 2002): each arm once, then the arm maximising
 * {@code mean + sqrt(2 ln n / n_arm)}, n the plays of all arms. Deterministic: ties go to the
 * lower index.
 */
public final class Ucb1 extends CountingPolicy {

    public Ucb1(int arms) {
        super(arms);
    }

    @Override
    public int choose(Random random) {
        int untried = counts.untried();
        if (untried >= 0) {
            return untried;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < counts.plays.length; a++) {
            double s = score(a);
            if (s > bestScore) {
                best = a;
                bestScore = s;
            }
        }
        return best;
    }

    /** The arm's upper confidence bound. */
    double score(int arm) {
        return counts.mean(arm) + Math.sqrt(2 * Math.log(counts.total) / counts.plays[arm]);
    }
}
