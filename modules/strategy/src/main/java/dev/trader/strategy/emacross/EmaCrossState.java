package dev.trader.strategy.emacross;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.Suppressions;
import dev.trader.strategy.gate.TrendGate;
import dev.trader.strategy.indicator.Ema;
import dev.trader.strategy.state.StateObject;

/**
 * Both averages, the sign of the last non-zero difference between them (0 before any), the
 * optional higher-timeframe gate and the entries it held back.
 */
public final class EmaCrossState extends StateObject implements StrategyState, Suppressions {
    private Ema fast;
    private Ema slow;
    private int lastSign;
    private TrendGate gate;
    private long suppressed;
    private String lastSuppression = "";

    private EmaCrossState() {
    }

    EmaCrossState(int fastPeriod, int slowPeriod, TrendGate gate) {
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.gate = gate;
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

    /** Null when the strategy has no gate. */
    public TrendGate gate() {
        return gate;
    }

    void suppress(String reason) {
        suppressed++;
        lastSuppression = reason;
    }

    @Override
    public long suppressedEntries() {
        return suppressed;
    }

    @Override
    public String lastSuppression() {
        return lastSuppression;
    }
}
