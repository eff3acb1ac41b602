package dev.trader.strategy.emacross;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trend following on a moving-average cross of the close: LONG when the fast EMA crosses above
 * the slow one, FLAT when it crosses back below. A cross is a bar whose difference has the
 * opposite sign of the last non-zero difference, so touching without crossing is no signal.
 */
public final class EmaCrossStrategy implements Strategy {
    public static final String TYPE = "ema-cross";

    private final StrategyId id;
    private final int fastPeriod;
    private final int slowPeriod;

    public EmaCrossStrategy(StrategyId id, int fastPeriod, int slowPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new StrategyConfigException("strategies." + id + ".fast (" + fastPeriod + ") must be below slow (" + slowPeriod + ")");
        }
        this.id = id;
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
    }

    public static EmaCrossStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("fast", "slow"));
        return new EmaCrossStrategy(id, p.intIn("fast", 12, 1, 500), p.intIn("slow", 26, 2, 1000));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(Timeframe.M1);
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new EmaCrossState(fastPeriod, slowPeriod);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        EmaCrossState s = (EmaCrossState) state;
        double close = bar.close().toBigDecimal().doubleValue();
        s.fast().update(close);
        s.slow().update(close);
        if (!s.fast().isReady() || !s.slow().isReady()) {
            return Optional.empty();
        }
        double diff = s.fast().value() - s.slow().value();
        int sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
        Optional<Signal> signal = Optional.empty();
        if (sign != 0 && s.lastSign() != 0 && sign != s.lastSign()) {
            signal = Optional.of(signal(bar, sign > 0 ? SignalDirection.LONG : SignalDirection.FLAT, s));
        }
        if (sign != 0) {
            s.lastSign(sign);
        }
        return signal;
    }

    private Signal signal(Bar bar, SignalDirection direction, EmaCrossState s) {
        String reason = String.format(Locale.ROOT, "EMA%d %s EMA%d at close %s", fastPeriod,
                direction == SignalDirection.LONG ? "crossed above" : "crossed below", slowPeriod, bar.close());
        Map<String, String> metadata = Map.of(
                "ema_fast", String.format(Locale.ROOT, "%.8f", s.fast().value()),
                "ema_slow", String.format(Locale.ROOT, "%.8f", s.slow().value()));
        return new Signal(id, bar.instrument(), bar.timeframe(), bar.closeTime(), direction, 0.5, bar.close(), reason, metadata);
    }
}
