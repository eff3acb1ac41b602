package dev.trader.ml.bandit;

import java.util.Random;

/**
 * Thompson sampling with a Beta(1 + wins, 1 + losses) posterior per arm: draw a win rate from each
 * arm's posterior, play the highest. Beta draws come from two Gamma draws (Marsaglia and Tsang).
 */
public final class ThompsonSampling extends CountingPolicy {

    public ThompsonSampling(int arms) {
        super(arms);
    }

    @Override
    public int choose(Random random) {
        int best = 0;
        double bestDraw = -1;
        for (int a = 0; a < counts.plays.length; a++) {
            double draw = beta(random, 1 + counts.wins[a], 1 + counts.plays[a] - counts.wins[a]);
            if (draw > bestDraw) {
                best = a;
                bestDraw = draw;
            }
        }
        return best;
    }

    static double beta(Random random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /** Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang, 2000); every shape here is at least 1. */
    static double gamma(Random random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
