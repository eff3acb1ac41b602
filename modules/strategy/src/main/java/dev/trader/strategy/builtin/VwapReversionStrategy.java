package dev.trader.strategy.builtin;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyState;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * VWAP mean reversion within the UTC day: when the close has been stretched more than
 * {@code band-atr} ATRs below the session VWAP and the next bar closes back above that band,
 * LONG (the stretch is being bought); FLAT on the bar whose close comes back up to the VWAP. The VWAP
 * is that of the bars before this one, so a bar is measured against a level it did not move.
 */
public final class VwapReversionStrategy implements Strategy {
    public static final String TYPE = "vwap-reversion";

    private final StrategyId id;
    private final Timeframe timeframe;
    private final int atrPeriod;
    private final double bandAtr;
    private final int minSessionBars;

    public VwapReversionStrategy(StrategyId id, Timeframe timeframe, int atrPeriod, double bandAtr, int minSessionBars) {
        this.id = id;
        this.timeframe = timeframe;
        this.atrPeriod = atrPeriod;
        this.bandAtr = bandAtr;
        this.minSessionBars = minSessionBars;
    }

    public static VwapReversionStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("timeframe", "atr", "band-atr", "min-session-bars"));
        return new VwapReversionStrategy(id, Timeframes.of(p, "timeframe", Timeframe.M5), p.intIn("atr", 14, 1, 500),
                p.doubleIn("band-atr", 2.0, 0.1, 20), p.intIn("min-session-bars", 12, 1, 10_000));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(timeframe);
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new VwapReversionState(atrPeriod);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        VwapReversionState s = (VwapReversionState) state;
        double close = Signals.close(bar);
        long sessionBefore = s.vwap.sessionStartMs();
        double vwap = s.vwap.value();
        int barsInSession = s.vwap.sessionBars();
        double atr = s.atr.value();
        s.vwap.update(bar);
        s.atr.update(bar.open().toDouble(), bar.high().toDouble(),
                bar.low().toDouble(), close, 0);
        boolean sameSession = s.vwap.sessionStartMs() == sessionBefore;
        if (!sameSession || barsInSession < minSessionBars || vwap != vwap || atr != atr) {
            s.stretched = false;
            s.belowVwap = false;
            return Optional.empty();
        }
        double band = vwap - bandAtr * atr;
        boolean wasStretched = s.stretched;
        s.stretched = close < band;
        if (wasStretched && close >= band && close < vwap) {
            return Optional.of(Signals.at(id, bar, SignalDirection.LONG, 0.55,
                    String.format(Locale.ROOT, "close %s came back above VWAP %.2f − %.1f ATR (%.2f)", bar.close(), vwap, bandAtr, band),
                    "vwap", vwap, "band", band, "atr", atr));
        }
        boolean wasBelowVwap = s.belowVwap;
        s.belowVwap = close < vwap;
        if (close >= vwap && wasBelowVwap) {
            return Optional.of(Signals.at(id, bar, SignalDirection.FLAT, 0.5,
                    String.format(Locale.ROOT, "close %s reached VWAP %.2f", bar.close(), vwap), "vwap", vwap));
        }
        return Optional.empty();
    }
}
