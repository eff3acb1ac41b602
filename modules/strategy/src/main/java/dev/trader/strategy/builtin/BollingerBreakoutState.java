package dev.trader.strategy.builtin;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.BollingerBands;
import dev.trader.strategy.indicator.Sma;
import dev.trader.strategy.state.StateObject;

/** The bands, the average volume, and where the previous close stood against the bands. */
public final class BollingerBreakoutState extends StateObject implements StrategyState {
    BollingerBands bands;
    Sma volume;
    boolean wasAboveUpper;
    boolean wasAboveMiddle;

    private BollingerBreakoutState() {
    }

    BollingerBreakoutState(int period, double k, int volumePeriod) {
        this.bands = new BollingerBands(period, k);
        this.volume = new Sma(volumePeriod);
    }
}
