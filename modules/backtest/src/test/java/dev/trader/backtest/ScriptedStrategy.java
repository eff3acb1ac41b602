package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strategy that raises the signals it is told to, keyed by instrument and by the number of
 * bars its state for that instrument has seen (1 = the first): so a shared state would show.
 */
final class ScriptedStrategy implements Strategy {
    private final Set<Timeframe> timeframes;
    private final Map<String, Planned> script = new LinkedHashMap<>();
    /** Every bar shown, with the instrument whose state it went to. */
    final List<String> seen = new ArrayList<>();

    ScriptedStrategy(Timeframe... timeframes) {
        this.timeframes = Set.of(timeframes.length == 0 ? new Timeframe[] {Timeframe.M1} : timeframes);
    }

    /** On the {@code nth} bar of {@code instrument} (1-based), raise {@code direction} with metadata key, value, ... */
    ScriptedStrategy on(InstrumentId instrument, int nth, SignalDirection direction, String... metadata) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < metadata.length; i += 2) {
            m.put(metadata[i], metadata[i + 1]);
        }
        script.put(instrument.value() + "#" + nth, new Planned(direction, m));
        return this;
    }

    @Override
    public StrategyId id() {
        return new StrategyId("scripted");
    }

    @Override
    public Set<Timeframe> timeframes() {
        return timeframes;
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new Counter(instrument);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        Counter c = (Counter) state;
        if (!c.instrument.equals(bar.instrument())) {
            throw new AssertionError("the state of " + c.instrument + " was shown a bar of " + bar.instrument());
        }
        c.bars++;
        seen.add(bar.instrument().symbol() + "#" + c.bars + "@" + bar.openTime() + "/" + bar.timeframe().label());
        Planned b = script.get(bar.instrument().value() + "#" + c.bars);
        return b == null ? Optional.empty() : Optional.of(b.at(id(), bar));
    }

    static final class Counter implements StrategyState {
        final InstrumentId instrument;
        int bars;

        Counter(InstrumentId instrument) {
            this.instrument = instrument;
        }
    }

    /** A signal to raise, built at the bar it belongs to. */
    record Planned(SignalDirection direction, Map<String, String> metadata) {
        Signal at(StrategyId id, Bar bar) {
            return new Signal(id, bar.instrument(), bar.timeframe(), bar.closeTime(), direction, 1.0, bar.close(), "scripted " + direction, metadata);
        }
    }
}
