package dev.trader.strategy.emacross;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.state.StateObject;

/** Both averages and the sign of the last non-zero difference between them (0 before any). */
public final class EmaCrossState extends StateObject implements StrategyState {
    private Ema fast;
    private Ema slow;
    private int lastSign;

    private EmaCrossState() {
    }

    EmaCrossState(int fastPeriod, int slowPeriod) {
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
    }

    public Ema fast() {
        return fast;
    }

    public Ema slow() {
        return slow;
    }

    public int lastSign() {
        return lastSign;
    }

    void lastSign(int sign) {
        this.lastSign = sign;
    }
}
