package dev.trader.strategy;

import dev.trader.domain.signal.Signal;
import java.util.Objects;
import java.util.Optional;

/** The result of showing a strategy one bar: its next state and the signal it raised, if any. */
public record StrategyStep(StrategyState state, Optional<Signal> signal) {
    public StrategyStep {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signal, "signal");
    }
}
