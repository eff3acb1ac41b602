package dev.trader.strategy.combine;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.state.StateObject;

/**
 * The sources' own states and what each currently says. Directions are stored as the ordinal
 * of {@link dev.trader.domain.signal.SignalDirection} (-1: nothing yet) to keep the state plain.
 */
public final class CompositeState extends StateObject implements StrategyState {
    StrategyState[] sources;
    int[] direction;
    double[] confidence;
    long[] since;
    long bars;
    int emitted = -1;

    private CompositeState() {
    }

    CompositeState(StrategyState[] sources) {
        this.sources = sources;
        this.direction = new int[sources.length];
        java.util.Arrays.fill(direction, -1);
        this.confidence = new double[sources.length];
        this.since = new long[sources.length];
    }

    @Override
    public dev.trader.strategy.Suppressions suppressions() {
        return CombinedSuppressions.of(sources);
    }
}
