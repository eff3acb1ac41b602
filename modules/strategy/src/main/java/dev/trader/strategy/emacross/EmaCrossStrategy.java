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
import dev.trader.strategy.gate.TrendGate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trend following on a moving-average cross of the close: LONG when the fast EMA crosses above
 * the slow one, FLAT when it crosses back below. A cross is a bar whose difference has the
 * opposite sign of the last non-zero difference, so touching without crossing is no signal.
 * With a {@code gate} block, a LONG is raised only while the higher timeframe's trend agrees
 * ({@link TrendGate}); a held-back entry is counted with its reason. Exits are never held back.
 *
 * <pre>
 * parameters { fast = 12, slow = 26, timeframe = "1m",
 *              gate { timeframe = "1h", ema = 50, adx = 14, adx-min = 20 } }
 * </pre>
 */
public final class EmaCrossStrategy implements Strategy {
    public static final String TYPE = "ema-cross";

    private final StrategyId id;
    private final int fastPeriod;
    private final int slowPeriod;
    private final Timeframe timeframe;
    private final GateSpec gate;

    /** The higher-timeframe gate's parameters; null for none. */
    public record GateSpec(Timeframe timeframe, int ema, int adx, double adxMin) {
    }

    public EmaCrossStrategy(StrategyId id, int fastPeriod, int slowPeriod) {
        this(id, fastPeriod, slowPeriod, Timeframe.M1, null);
    }

    public EmaCrossStrategy(StrategyId id, int fastPeriod, int slowPeriod, Timeframe timeframe, GateSpec gate) {
        if (fastPeriod >= slowPeriod) {
            throw new StrategyConfigException("strategies." + id + ".fast (" + fastPeriod + ") must be below slow (" + slowPeriod + ")");
        }
        if (gate != null && gate.timeframe().millis() <= timeframe.millis()) {
            throw new StrategyConfigException("strategies." + id + ".gate.timeframe (" + gate.timeframe().label()
                    + ") must be higher than the strategy's timeframe (" + timeframe.label() + ")");
        }
        this.id = id;
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.timeframe = timeframe;
        this.gate = gate;
    }

    public static EmaCrossStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("fast", "slow", "timeframe", "gate"));
        GateSpec gate = null;
        if (p.has("gate")) {
            StrategyParameters g = p.child("gate");
            g.requireOnly(Set.of("timeframe", "ema", "adx", "adx-min"));
            Timeframe tf;
            try {
                tf = Timeframe.ofLabel(g.string("timeframe", "1h"));
            } catch (IllegalArgumentException e) {
                throw new StrategyConfigException(g.path("timeframe") + ": " + e.getMessage());
            }
            gate = new GateSpec(tf, g.intIn("ema", 50, 2, 1000), g.intIn("adx", 14, 2, 500), g.doubleIn("adx-min", 20, 0, 100));
        }
        Timeframe tf;
        try {
            tf = Timeframe.ofLabel(p.string("timeframe", "1m"));
        } catch (IllegalArgumentException e) {
            throw new StrategyConfigException(p.path("timeframe") + ": " + e.getMessage());
        }
        return new EmaCrossStrategy(id, p.intIn("fast", 12, 1, 500), p.intIn("slow", 26, 2, 1000), tf, gate);
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return gate == null ? Set.of(timeframe) : Set.of(timeframe, gate.timeframe());
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new EmaCrossState(fastPeriod, slowPeriod,
                gate == null ? null : new TrendGate(gate.timeframe(), gate.ema(), gate.adx(), gate.adxMin()));
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        EmaCrossState s = (EmaCrossState) state;
        if (gate != null && bar.timeframe() == gate.timeframe()) {
            s.gate().onBar(bar);
            return Optional.empty();
        }
        if (bar.timeframe() != timeframe) {
            return Optional.empty();
        }
        double close = bar.close().toDouble();
        s.fast().update(close);
        s.slow().update(close);
        if (!s.fast().isReady() || !s.slow().isReady()) {
            return Optional.empty();
        }
        double diff = s.fast().value() - s.slow().value();
        int sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
        Optional<Signal> signal = Optional.empty();
        if (sign != 0 && s.lastSign() != 0 && sign != s.lastSign()) {
            String blocked = sign > 0 && s.gate() != null ? s.gate().blocksLong() : null;
            if (blocked != null) {
                s.suppress(String.format(Locale.ROOT, "LONG at %s held back: %s", bar.closeTime(), blocked));
            } else {
                signal = Optional.of(signal(bar, sign > 0 ? SignalDirection.LONG : SignalDirection.FLAT, s));
            }
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
