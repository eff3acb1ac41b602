package dev.trader.strategy.builtin;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Rsi;
import dev.trader.strategy.state.StateObject;

/** The RSI and its previous value, to see it cross a level. */
public final class RsiReversionState extends StateObject implements StrategyState {
    Rsi rsi;
    double previous = Double.NaN;

    private RsiReversionState() {
    }

    RsiReversionState(int period) {
        this.rsi = new Rsi(period);
    }
}
