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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RSI mean reversion: LONG when the RSI climbs back above the oversold level (the selling has
 * exhausted itself, rather than buying into a falling market), FLAT when it reaches the exit
 * level. Confidence grows with how deep the dip went.
 */
public final class RsiReversionStrategy implements Strategy {
    public static final String TYPE = "rsi-reversion";

    private final StrategyId id;
    private final Timeframe timeframe;
    private final int period;
    private final double oversold;
    private final double exit;

    public RsiReversionStrategy(StrategyId id, Timeframe timeframe, int period, double oversold, double exit) {
        if (oversold >= exit) {
            throw new StrategyConfigException("strategies." + id + ".oversold (" + oversold + ") must be below exit (" + exit + ")");
        }
        this.id = id;
        this.timeframe = timeframe;
        this.period = period;
        this.oversold = oversold;
        this.exit = exit;
    }

    public static RsiReversionStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("timeframe", "period", "oversold", "exit"));
        return new RsiReversionStrategy(id, Timeframes.of(p, "timeframe", Timeframe.M1), p.intIn("period", 14, 2, 500),
                p.doubleIn("oversold", 30, 1, 99), p.doubleIn("exit", 55, 1, 99));
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
        return new RsiReversionState(period);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        RsiReversionState s = (RsiReversionState) state;
        s.rsi.update(Signals.close(bar));
        double before = s.previous;
        double now = s.rsi.value();
        s.previous = now;
        if (!s.rsi.isReady() || before != before) {
            return Optional.empty();
        }
        if (before < oversold && now >= oversold) {
            double depth = Math.min(1.0, (oversold - Math.min(before, oversold)) / oversold);
            return Optional.of(Signals.at(id, bar, SignalDirection.LONG, 0.4 + 0.5 * depth,
                    String.format(Locale.ROOT, "RSI%d rose back above %.0f (%.1f → %.1f)", period, oversold, before, now), "rsi", now));
        }
        if (before < exit && now >= exit) {
            return Optional.of(Signals.at(id, bar, SignalDirection.FLAT, 0.5,
                    String.format(Locale.ROOT, "RSI%d reached the exit level %.0f (%.1f)", period, exit, now), "rsi", now));
        }
        return Optional.empty();
    }
}
