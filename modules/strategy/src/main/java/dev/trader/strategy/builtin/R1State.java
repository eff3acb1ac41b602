package dev.trader.strategy.builtin;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.state.StateObject;

/** EMA(12), EMA(26), ATR(14) and the sign of the last non-zero EMA difference. */
public final class R1State extends StateObject implements StrategyState {
    Ema fast;
    Ema slow;
    Atr atr;
    int lastSign;

    private R1State() {
    }

    R1State(int fast, int slow, int atr) {
        this.fast = new Ema(fast);
        this.slow = new Ema(slow);
        this.atr = new Atr(atr);
    }
}
