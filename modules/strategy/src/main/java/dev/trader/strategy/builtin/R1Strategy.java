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
 * The reference strategy R1, used to check the backtester and the engine against an independent
 * implementation. EMA(12) and EMA(26) of the close, each seeded with the simple average of its
 * first n closes, then alpha = 2/(n+1); ATR(14) with Wilder's smoothing seeded by the average of
 * the first 14 true ranges (true range from the second bar on). A cross up (EMA12 − EMA26 &gt; 0
 * while the last non-zero difference was &lt; 0) raises LONG with {@code stop_price} = close −
 * 2 × ATR in the metadata; a cross down raises FLAT. Whether a signal acts (buy only while flat,
 * sell only while long) is the executor's rule, as are the next-open fills and the 0.1% fee.
 */
public final class R1Strategy implements Strategy {
    public static final String TYPE = "r1";

    private final StrategyId id;
    private final int fast;
    private final int slow;
    private final int atrPeriod;
    private final double stopAtr;

    public R1Strategy(StrategyId id, int fast, int slow, int atrPeriod, double stopAtr) {
        this.id = id;
        this.fast = fast;
        this.slow = slow;
        this.atrPeriod = atrPeriod;
        this.stopAtr = stopAtr;
    }

    /** R1 exactly as specified; the parameters exist for research, their defaults are the spec. */
    public static R1Strategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("fast", "slow", "atr", "stop-atr"));
        int fast = p.intIn("fast", 12, 1, 500);
        int slow = p.intIn("slow", 26, fast + 1, 1000);
        return new R1Strategy(id, fast, slow, p.intIn("atr", 14, 1, 500), p.doubleIn("stop-atr", 2.0, 0.1, 50));
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
        return new R1State(fast, slow, atrPeriod);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        R1State s = (R1State) state;
        double close = Signals.close(bar);
        s.fast.update(close);
        s.slow.update(close);
        s.atr.update(bar.open().toDouble(), bar.high().toDouble(),
                bar.low().toDouble(), close, 0);
        if (!s.slow.isReady() || !s.fast.isReady()) {
            return Optional.empty();
        }
        double diff = s.fast.value() - s.slow.value();
        int cross = CrossState.cross(s.lastSign, diff);
        s.lastSign = CrossState.remember(s.lastSign, diff);
        if (cross > 0 && s.atr.isReady()) {
            double stop = close - stopAtr * s.atr.value();
            return Optional.of(Signals.at(id, bar, SignalDirection.LONG, 0.5,
                    String.format(Locale.ROOT, "EMA%d crossed above EMA%d; stop %.2f (close − %.1f × ATR%d)", fast, slow, stop, stopAtr, atrPeriod),
                    "ema_fast", s.fast.value(), "ema_slow", s.slow.value(), "atr", s.atr.value(), "stop_price", stop));
        }
        if (cross < 0) {
            return Optional.of(Signals.at(id, bar, SignalDirection.FLAT, 0.5,
                    String.format(Locale.ROOT, "EMA%d crossed below EMA%d", fast, slow),
                    "ema_fast", s.fast.value(), "ema_slow", s.slow.value()));
        }
        return Optional.empty();
    }
}
