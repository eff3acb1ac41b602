package dev.trader.strategy.timeframe;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.state.StateObject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a strategy that wants several timeframes on the base (1m) bars alone: the base bars are
 * resampled ({@link MultiTimeframe}, gaps skipped, UTC-aligned) and the strategy is shown each
 * bar of its timeframes as it closes, never before. When several of its timeframes close on the
 * same base bar the strategy sees them in ascending order and the signal of the last one that
 * raised one is returned (they share the same decision time).
 */
public final class MultiTimeframeStrategy implements Strategy {
    private final Strategy inner;
    private final Timeframe base;

    private MultiTimeframeStrategy(Strategy inner, Timeframe base) {
        this.inner = inner;
        this.base = base;
    }

    /** {@code strategy} itself when it only wants the base timeframe, otherwise wrapped. */
    public static Strategy onBase(Strategy strategy, Timeframe base) {
        Set<Timeframe> wanted = strategy.timeframes();
        if (wanted.equals(Set.of(base))) {
            return strategy;
        }
        for (Timeframe t : wanted) {
            if (t.millis() < base.millis() || t.millis() % base.millis() != 0) {
                throw new IllegalArgumentException("strategy " + strategy.id() + " wants " + t.label()
                        + ", which cannot be built from " + base.label() + " bars");
            }
        }
        return new MultiTimeframeStrategy(strategy, base);
    }

    public Strategy inner() {
        return inner;
    }

    @Override
    public StrategyId id() {
        return inner.id();
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(base);
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        Set<Timeframe> higher = EnumSet.copyOf(inner.timeframes());
        higher.remove(base);
        return new State(new MultiTimeframe(instrument, base, higher, 2, GapPolicy.SKIP), inner.initialState(instrument));
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        State s = (State) state;
        Set<Timeframe> wanted = inner.timeframes();
        Optional<Signal> last = Optional.empty();
        for (Bar closed : s.bars.onBaseBar(bar)) {
            if (wanted.contains(closed.timeframe())) {
                Optional<Signal> signal = inner.onBar(s.inner, closed);
                if (signal.isPresent()) {
                    last = signal;
                }
            }
        }
        return last;
    }

    /** The resampling state and the wrapped strategy's own. */
    public static final class State extends StateObject implements StrategyState {
        MultiTimeframe bars;
        StrategyState inner;

        private State() {
        }

        State(MultiTimeframe bars, StrategyState inner) {
            this.bars = bars;
            this.inner = inner;
        }

        public StrategyState inner() {
            return inner;
        }

        @Override
        public dev.trader.strategy.Suppressions suppressions() {
            return inner.suppressions();
        }
    }
}
