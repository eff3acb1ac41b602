package dev.trader.strategy.emacross;

import dev.trader.domain.id.InstrumentId;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Ema;

/** Both averages and the sign of the last non-zero difference between them (0 before any). */
public record EmaCrossState(InstrumentId instrument, Ema fast, Ema slow, int lastSign) implements StrategyState {
}
