package dev.trader.strategy.combine;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Several strategies as one: each source's latest signal is its stance (until it says
 * something else, or for {@code stance-ttl-bars} bars), the stances are combined by a
 * {@link SignalAggregator}, and a signal is raised when the combined stance changes. Its
 * reason names every source and what it said, so a decision can be explained.
 *
 * <pre>
 * type = "composite"
 * parameters {
 *   mode = weighted            # vote | weighted | unanimous | threshold
 *   threshold = 0.6            # weighted: share of the total weight the winner needs
 *   quorum = 2                 # threshold: sources that must agree
 *   stance-ttl-bars = 0        # 0: a stance lasts until the source says something else
 *   sources = [
 *     { type = "ema-cross", weight = 2, parameters { fast = 12, slow = 26 } }
 *     { type = "rsi-reversion", weight = 1 }
 *   ]
 * }
 * </pre>
 */
public final class CompositeStrategy implements Strategy {
    public static final String TYPE = "composite";
    private static final SignalDirection[] DIRECTIONS = SignalDirection.values();

    private final StrategyId id;
    private final List<Strategy> sources;
    private final SignalAggregator aggregator;
    private final int stanceTtlBars;
    private final Timeframe clock;

    public CompositeStrategy(StrategyId id, List<Strategy> sources, SignalAggregator aggregator, int stanceTtlBars) {
        if (sources.isEmpty()) {
            throw new StrategyConfigException("strategies." + id + ".sources must name at least one strategy");
        }
        this.id = id;
        this.sources = List.copyOf(sources);
        this.aggregator = aggregator;
        this.stanceTtlBars = stanceTtlBars;
        Timeframe smallest = null;
        for (Strategy s : sources) {
            for (Timeframe t : s.timeframes()) {
                smallest = smallest == null || t.millis() < smallest.millis() ? t : smallest;
            }
        }
        this.clock = smallest;
    }

    public static CompositeStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("mode", "threshold", "quorum", "stance-ttl-bars", "sources"));
        List<StrategyParameters> defs = p.children("sources");
        List<Strategy> sources = new ArrayList<>();
        double[] weights = new double[defs.size()];
        for (int i = 0; i < defs.size(); i++) {
            StrategyParameters d = defs.get(i);
            d.requireOnly(Set.of("type", "weight", "parameters"));
            String type = d.string("type", null);
            if (type.equals(TYPE)) {
                throw new StrategyConfigException(d.path("type") + ": a composite cannot contain a composite");
            }
            weights[i] = d.doubleIn("weight", 1.0, 1e-9, 1e9);
            sources.add(StrategyCatalog.create(new StrategyId(id.value() + "." + i), type, d.child("parameters")));
        }
        if (defs.isEmpty()) {
            throw new StrategyConfigException(p.path("sources") + " must name at least one strategy");
        }
        // read outside the try: their own errors already name the key and must not be prefixed twice
        AggregationMode mode = p.oneOf("mode", AggregationMode.class, AggregationMode.VOTE);
        double threshold = p.doubleIn("threshold", 0.5, 1e-9, 1.0);
        int quorum = p.intIn("quorum", 1, 1, defs.size());
        SignalAggregator aggregator;
        try {
            aggregator = new SignalAggregator(mode, weights, threshold, quorum);
        } catch (IllegalArgumentException e) {
            throw new StrategyConfigException("strategies." + id + ": " + e.getMessage());
        }
        return new CompositeStrategy(id, sources, aggregator, p.intIn("stance-ttl-bars", 0, 0, 1_000_000));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        Set<Timeframe> all = EnumSet.noneOf(Timeframe.class);
        sources.forEach(s -> all.addAll(s.timeframes()));
        return all;
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        StrategyState[] states = new StrategyState[sources.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = sources.get(i).initialState(instrument);
        }
        return new CompositeState(states);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        CompositeState s = (CompositeState) state;
        if (bar.timeframe() == clock) {
            s.bars++;
        }
        for (int i = 0; i < sources.size(); i++) {
            Strategy source = sources.get(i);
            if (!source.timeframes().contains(bar.timeframe())) {
                continue;
            }
            Optional<Signal> said = source.onBar(s.sources[i], bar);
            if (said.isPresent()) {
                s.direction[i] = said.get().direction().ordinal();
                s.confidence[i] = said.get().confidence();
                s.since[i] = s.bars;
            }
        }
        List<Stance> stances = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            boolean expired = stanceTtlBars > 0 && s.bars - s.since[i] >= stanceTtlBars;
            stances.add(s.direction[i] < 0 || expired ? Stance.NONE : new Stance(DIRECTIONS[s.direction[i]], s.confidence[i]));
        }
        Stance combined = aggregator.combine(stances);
        int now = combined.isNone() ? -1 : combined.direction().ordinal();
        if (now == s.emitted || combined.isNone()) {
            return Optional.empty();
        }
        s.emitted = now;
        return Optional.of(new Signal(id, bar.instrument(), bar.timeframe(), bar.closeTime(), combined.direction(),
                Math.min(1.0, combined.confidence()), bar.close(), reason(stances, combined), metadata(stances)));
    }

    private String reason(List<Stance> stances, Stance combined) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < stances.size(); i++) {
            Stance st = stances.get(i);
            parts.add(sources.get(i).id() + "=" + (st.isNone() ? "none" : st.direction().name().toLowerCase(Locale.ROOT)));
        }
        return String.format(Locale.ROOT, "%s of %s", combined.direction().name().toLowerCase(Locale.ROOT), String.join(", ", parts));
    }

    private Map<String, String> metadata(List<Stance> stances) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < stances.size(); i++) {
            Stance st = stances.get(i);
            m.put("source." + sources.get(i).id(), st.isNone() ? "none" : st.direction().name());
        }
        return m;
    }

    /** The types this composite is made of, for documentation and tests. */
    public Set<String> sourceIds() {
        Set<String> ids = new TreeSet<>();
        sources.forEach(s -> ids.add(s.id().value()));
        return ids;
    }
}
