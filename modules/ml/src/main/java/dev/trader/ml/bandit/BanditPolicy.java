package dev.trader.ml.bandit;

import java.util.Random;

/**
 * A multi-armed bandit over {@code arms} choices whose reward is a win or a loss: it picks an arm
 * for the next decision and learns from each outcome. Randomness comes only from the
 * {@link Random} it is handed, so a seeded run repeats exactly.
 */
public interface BanditPolicy {
    int choose(Random random);

    void update(int arm, boolean win);

    /** The observed win rate of each arm (NaN before its first outcome). */
    double[] means();
}
