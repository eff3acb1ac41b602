package dev.trader.ml.bandit;

/** A policy that decides from the plays and wins of each arm: what all three here are. */
abstract class CountingPolicy implements BanditPolicy {
    final ArmCounts counts;

    CountingPolicy(int arms) {
        this.counts = new ArmCounts(arms);
    }

    @Override
    public final void update(int arm, boolean win) {
        counts.update(arm, win);
    }

    @Override
    public final double[] means() {
        return counts.means();
    }
}
