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
 * Bollinger breakout: LONG when the close crosses above the upper band on volume at least
 * {@code volume-factor} times its average (a breakout the market pays for), FLAT when the close
 * falls back below the middle band. The bands are those of the bars before this one, so the
 * bar that breaks out is measured against bands it did not move.
 */
public final class BollingerBreakoutStrategy implements Strategy {
    public static final String TYPE = "bollinger-breakout";

    private final StrategyId id;
    private final Timeframe timeframe;
    private final int period;
    private final double k;
    private final int volumePeriod;
    private final double volumeFactor;

    public BollingerBreakoutStrategy(StrategyId id, Timeframe timeframe, int period, double k, int volumePeriod, double volumeFactor) {
        this.id = id;
        this.timeframe = timeframe;
        this.period = period;
        this.k = k;
        this.volumePeriod = volumePeriod;
        this.volumeFactor = volumeFactor;
    }

    public static BollingerBreakoutStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("timeframe", "period", "k", "volume-period", "volume-factor"));
        return new BollingerBreakoutStrategy(id, Timeframes.of(p, "timeframe", Timeframe.M1), p.intIn("period", 20, 2, 500),
                p.doubleIn("k", 2.0, 0.1, 10), p.intIn("volume-period", 20, 1, 500), p.doubleIn("volume-factor", 1.5, 0, 100));
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
        return new BollingerBreakoutState(period, k, volumePeriod);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        BollingerBreakoutState s = (BollingerBreakoutState) state;
        double close = Signals.close(bar);
        double volume = bar.volume().toDouble();
        boolean ready = s.bands.isReady() && s.volume.isReady();
        double upper = s.bands.upper();
        double middle = s.bands.middle();
        double averageVolume = s.volume.value();
        s.bands.update(close);
        s.volume.update(volume);
        if (!ready) {
            return Optional.empty();
        }
        boolean aboveUpper = close > upper;
        boolean aboveMiddle = close > middle;
        boolean wasAboveUpper = s.wasAboveUpper;
        boolean wasAboveMiddle = s.wasAboveMiddle;
        s.wasAboveUpper = aboveUpper;
        s.wasAboveMiddle = aboveMiddle;
        if (aboveUpper && !wasAboveUpper && volume >= volumeFactor * averageVolume) {
            return Optional.of(Signals.at(id, bar, SignalDirection.LONG, Math.min(1.0, 0.4 + 0.1 * volume / Math.max(averageVolume, 1e-12)),
                    String.format(Locale.ROOT, "close %s broke above the upper band %.2f on %.1f× average volume", bar.close(), upper,
                            volume / Math.max(averageVolume, 1e-12)),
                    "bb_upper", upper, "bb_middle", middle, "volume_ratio", volume / Math.max(averageVolume, 1e-12)));
        }
        if (!aboveMiddle && wasAboveMiddle) {
            return Optional.of(Signals.at(id, bar, SignalDirection.FLAT, 0.5,
                    String.format(Locale.ROOT, "close %s fell below the middle band %.2f", bar.close(), middle), "bb_middle", middle));
        }
        return Optional.empty();
    }
}
