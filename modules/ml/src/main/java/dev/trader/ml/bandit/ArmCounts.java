package dev.trader.ml.bandit;

/** Plays and wins per arm: what every policy here keeps. */
final class ArmCounts {
    final long[] plays;
    final long[] wins;
    long total;

    ArmCounts(int arms) {
        if (arms < 2) {
            throw new IllegalArgumentException("a bandit needs at least two arms but was given " + arms);
        }
        plays = new long[arms];
        wins = new long[arms];
    }

    void update(int arm, boolean win) {
        plays[arm]++;
        wins[arm] += win ? 1 : 0;
        total++;
    }

    double mean(int arm) {
        return plays[arm] == 0 ? Double.NaN : (double) wins[arm] / plays[arm];
    }

    double[] means() {
        double[] m = new double[plays.length];
        for (int a = 0; a < m.length; a++) {
            m[a] = mean(a);
        }
        return m;
    }

    /** The untried arm of lowest index, or -1 when every arm has been played. */
    int untried() {
        for (int a = 0; a < plays.length; a++) {
            if (plays[a] == 0) {
                return a;
            }
        }
        return -1;
    }
}
