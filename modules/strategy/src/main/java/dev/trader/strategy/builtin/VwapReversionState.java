package dev.trader.strategy.builtin;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.indicator.Atr;
import dev.trader.strategy.state.StateObject;
import dev.trader.strategy.volume.SessionVwap;

/** The session VWAP, the ATR that scales the band, and whether the close was below the band. */
public final class VwapReversionState extends StateObject implements StrategyState {
    SessionVwap vwap;
    Atr atr;
    boolean stretched;
    boolean belowVwap;

    private VwapReversionState() {
    }

    VwapReversionState(int atrPeriod) {
        this.vwap = SessionVwap.utcDaily();
        this.atr = new Atr(atrPeriod);
    }
}
