package dev.trader.strategy.builtin;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.gate.TrendGate;
import dev.trader.strategy.structure.Direction;
import dev.trader.strategy.structure.Divergence;
import dev.trader.strategy.structure.FairValueGap;
import dev.trader.strategy.structure.GapEvent;
import dev.trader.strategy.structure.LiquiditySweep;
import dev.trader.strategy.structure.Swing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The smart-money confluence playbook, long side: enter when the higher-timeframe trend is up
 * with ADX above its floor ({@link TrendGate}), and within the last {@code lookback-bars} bars
 * there was a bullish fair value gap or a bullish RSI divergence, and (if
 * {@code require-sweep}) a sweep of a swing low. The entry is raised once per set-up, on the
 * bar that completes it; the position is left (FLAT) on the bar whose close breaks below the
 * last confirmed swing low (the structure that justified the trade broke). A set-up the trend gate
 * vetoes is counted and its reason kept.
 */
public final class SmcConfluenceStrategy implements Strategy {
    public static final String TYPE = "smc-confluence";

    private final StrategyId id;
    private final Timeframe timeframe;
    private final Timeframe trendTimeframe;
    private final int trendEma;
    private final double adxMin;
    private final int rsiPeriod;
    private final int pivot;
    private final int lookback;
    private final boolean requireSweep;

    public SmcConfluenceStrategy(StrategyId id, Timeframe timeframe, Timeframe trendTimeframe, int trendEma, double adxMin, int rsiPeriod,
                                 int pivot, int lookback, boolean requireSweep) {
        if (trendTimeframe.millis() <= timeframe.millis()) {
            throw new StrategyConfigException("strategies." + id + ".trend-timeframe (" + trendTimeframe.label()
                    + ") must be higher than timeframe (" + timeframe.label() + ")");
        }
        this.id = id;
        this.timeframe = timeframe;
        this.trendTimeframe = trendTimeframe;
        this.trendEma = trendEma;
        this.adxMin = adxMin;
        this.rsiPeriod = rsiPeriod;
        this.pivot = pivot;
        this.lookback = lookback;
        this.requireSweep = requireSweep;
    }

    public static SmcConfluenceStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("timeframe", "trend-timeframe", "trend-ema", "adx-min", "rsi", "pivot", "lookback-bars", "require-sweep"));
        return new SmcConfluenceStrategy(id, Timeframes.of(p, "timeframe", Timeframe.M15), Timeframes.of(p, "trend-timeframe", Timeframe.H1),
                p.intIn("trend-ema", 50, 2, 1000), p.doubleIn("adx-min", 20, 0, 100), p.intIn("rsi", 14, 2, 200),
                p.intIn("pivot", 3, 1, 50), p.intIn("lookback-bars", 12, 1, 1000), p.bool("require-sweep", false));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(timeframe, trendTimeframe);
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new SmcConfluenceState(new TrendGate(trendTimeframe, trendEma, 14, adxMin), rsiPeriod, pivot);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        SmcConfluenceState s = (SmcConfluenceState) state;
        if (bar.timeframe() == trendTimeframe) {
            s.gate.onBar(bar);
            return Optional.empty();
        }
        if (bar.timeframe() != timeframe) {
            return Optional.empty();
        }
        long t = bar.openTime().toEpochMilli();
        double o = bar.open().toDouble();
        double h = bar.high().toDouble();
        double l = bar.low().toDouble();
        double c = bar.close().toDouble();
        s.bar++;
        s.rsi.update(c);
        for (Swing swing : s.swings.update(t, o, h, l, c)) {
            if (!swing.isHigh()) {
                s.lastSwingLow = swing.price();
            }
        }
        for (GapEvent e : s.gaps.update(t, o, h, l, c)) {
            if (e instanceof FairValueGap g && g.direction() == Direction.BULLISH) {
                s.lastBullishGap = s.bar;
                s.armed = true;
            }
        }
        if (s.rsi.isReady()) {
            for (Divergence d : s.divergences.update(t, o, h, l, c, s.rsi.value())) {
                if (d.type().direction() == Direction.BULLISH) {
                    s.lastBullishDivergence = s.bar;
                    s.armed = true;
                }
            }
        }
        for (LiquiditySweep sweep : s.sweeps.update(t, o, h, l, c)) {
            if (sweep.direction() == Direction.BULLISH) {
                s.lastBullishSweep = s.bar;
            }
        }
        boolean below = s.lastSwingLow == s.lastSwingLow && c < s.lastSwingLow;
        boolean wasBelow = s.belowSwingLow;
        s.belowSwingLow = below;
        if (below) {
            // The structure that would justify an entry is broken: no entries until a new swing low.
            s.armed = false;
            return wasBelow ? Optional.empty() : Optional.of(Signals.at(id, bar, SignalDirection.FLAT, 0.6,
                    String.format(Locale.ROOT, "close %s broke below the last swing low %.2f", bar.close(), s.lastSwingLow),
                    "swing_low", s.lastSwingLow));
        }
        return entry(s, bar);
    }

    private Optional<Signal> entry(SmcConfluenceState s, Bar bar) {
        boolean gap = recent(s, s.lastBullishGap);
        boolean divergence = recent(s, s.lastBullishDivergence);
        boolean sweep = recent(s, s.lastBullishSweep);
        if (!s.armed || !(gap || divergence) || (requireSweep && !sweep)) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        if (gap) {
            evidence.add("bullish FVG");
        }
        if (divergence) {
            evidence.add("bullish RSI divergence");
        }
        if (sweep) {
            evidence.add("swept low");
        }
        String blocked = s.gate.blocksLong();
        s.armed = false;
        if (blocked != null) {
            s.suppressed++;
            s.lastSuppression = String.format(Locale.ROOT, "LONG at %s on %s held back: %s", bar.closeTime(), String.join(" + ", evidence), blocked);
            return Optional.empty();
        }
        double confidence = Math.min(1.0, 0.45 + 0.15 * evidence.size());
        return Optional.of(Signals.at(id, bar, SignalDirection.LONG, confidence,
                String.format(Locale.ROOT, "%s uptrend with %s", trendTimeframe.label(), String.join(" + ", evidence)),
                "evidence", String.join("+", evidence), "swing_low", s.lastSwingLow, "rsi", s.rsi.value()));
    }

    private boolean recent(SmcConfluenceState s, long at) {
        return at >= 0 && s.bar - at < lookback;
    }
}
