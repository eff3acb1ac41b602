package dev.trader.strategy.builtin;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.Suppressions;
import dev.trader.strategy.gate.TrendGate;
import dev.trader.strategy.indicator.Rsi;
import dev.trader.strategy.state.StateObject;
import dev.trader.strategy.structure.DivergenceDetector;
import dev.trader.strategy.structure.FairValueGapDetector;
import dev.trader.strategy.structure.LiquiditySweepDetector;
import dev.trader.strategy.structure.SwingDetector;

/** The detectors, the bar index of the latest evidence of each kind (-1: none yet) and the held-back entries. */
public final class SmcConfluenceState extends StateObject implements StrategyState, Suppressions {
    TrendGate gate;
    Rsi rsi;
    SwingDetector swings;
    FairValueGapDetector gaps;
    DivergenceDetector divergences;
    LiquiditySweepDetector sweeps;
    long bar = -1;
    long lastBullishGap = -1;
    long lastBullishDivergence = -1;
    long lastBullishSweep = -1;
    double lastSwingLow = Double.NaN;
    boolean armed;
    boolean belowSwingLow;
    long suppressed;
    String lastSuppression = "";

    private SmcConfluenceState() {
    }

    SmcConfluenceState(TrendGate gate, int rsiPeriod, int pivot) {
        this.gate = gate;
        this.rsi = new Rsi(rsiPeriod);
        this.swings = new SwingDetector(pivot, pivot);
        this.gaps = new FairValueGapDetector(dev.trader.strategy.structure.GapBasis.WICK);
        this.divergences = new DivergenceDetector(pivot, pivot);
        this.sweeps = new LiquiditySweepDetector(pivot, pivot);
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
