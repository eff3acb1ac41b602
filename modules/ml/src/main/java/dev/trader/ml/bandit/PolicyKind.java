package dev.trader.ml.bandit;

import java.util.Locale;

/** The bandit policies by name, as the command line writes them. */
public enum PolicyKind {
    EPSILON_GREEDY, UCB1, THOMPSON;

    public BanditPolicy create(int arms, double epsilon) {
        return switch (this) {
            case EPSILON_GREEDY -> new EpsilonGreedy(arms, epsilon);
            case UCB1 -> new Ucb1(arms);
            case THOMPSON -> new ThompsonSampling(arms);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PolicyKind parse(String id) {
        for (PolicyKind k : values()) {
            if (k.id().equals(id.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown bandit policy '" + id + "'; known are epsilon-greedy, ucb1, thompson");
    }
}
