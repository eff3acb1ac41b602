package dev.trader.strategy.combine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.builtin.RealData;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The composite strategy built from parameters as HOCON unwraps them (nested maps and lists):
 * it raises a signal only when the combined stance changes, names every source and its stance,
 * lets stances expire, and refuses bad configuration naming the key's full path.
 */
class CompositeStrategyTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final StrategyId COMBO = new StrategyId("combo");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static Strategy composite(Map<String, ?> parameters) {
        return StrategyCatalog.create(COMBO, CompositeStrategy.TYPE, parameters);
    }

    private static Map<String, Object> source(String type, double weight, Map<String, ?> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("weight", weight);
        m.put("parameters", parameters);
        return m;
    }

    private static List<Bar> closes(double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            Price c = Price.of(String.valueOf(closes[i]));
            bars.add(new Bar(BTC, Timeframe.M1, START.plusSeconds(60L * i), c, c, c, c, Quantity.of("1")));
        }
        return bars;
    }

    private static List<Signal> run(Strategy strategy, List<Bar> bars) {
        StrategyState state = strategy.initialState(BTC);
        List<Signal> out = new ArrayList<>();
        for (Bar b : bars) {
            out.add(strategy.onBar(state, b).orElse(null));
        }
        return out;
    }

    // ---- hand-made bars

    /** EMA2/EMA3 cross up on bar 4 and back down on bar 6 (see EmaCrossStrategyTest). */
    private static final double[] CROSSES = {10, 9, 8, 8, 12, 12, 6, 6};

    @Test
    void reasonNamesEverySourceAndWhatItSays() {
        Strategy s = composite(Map.of("mode", "vote", "sources", List.of(
                source("ema-cross", 1, Map.of("fast", 2, "slow", 3)),
                source("rsi-reversion", 1, Map.of("timeframe", "1m")))));
        List<Signal> signals = run(s, closes(CROSSES));
        Signal up = signals.get(4);
        assertEquals(SignalDirection.LONG, up.direction());
        assertEquals("long of combo.0=long, combo.1=none", up.reason());
        assertEquals(Map.of("source.combo.0", "LONG", "source.combo.1", "none"), up.metadata());
        assertEquals(COMBO, up.strategy());
        assertEquals(0.5, up.confidence(), 1e-12);
        assertEquals(START.plusSeconds(300), up.time());
        Signal down = signals.get(6);
        assertEquals("flat of combo.0=flat, combo.1=none", down.reason());
        assertEquals(2, signals.stream().filter(x -> x != null).count(), "nothing else: bars 0-3, 5 and 7 raise nothing");
        assertEquals(Set.of("combo.0", "combo.1"), ((CompositeStrategy) s).sourceIds());
    }

    /** A falling market, then a rise that EMA1/EMA2 sees on bar 11 and EMA3/EMA8 only on bar 18. */
    private static final double[] SLOW_RISE = {20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 11, 11.2, 11.4, 11.6, 11.8, 12, 12.2, 12.4, 13, 14, 15};

    private static Strategy unanimous(int ttl) {
        return composite(Map.of("mode", "unanimous", "stance-ttl-bars", ttl, "sources", List.of(
                source("ema-cross", 1, Map.of("fast", 1, "slow", 2)),
                source("ema-cross", 1, Map.of("fast", 3, "slow", 8)))));
    }

    @Test
    void stancesLastUntilReplacedWithoutATtl() {
        List<Signal> signals = run(unanimous(0), closes(SLOW_RISE));
        for (int i = 0; i < signals.size(); i++) {
            if (i != 18) {
                assertEquals(null, signals.get(i), "bar " + i);
            }
        }
        assertEquals("long of combo.0=long, combo.1=long", signals.get(18).reason());
    }

    @Test
    void aStanceOlderThanTheTtlHasExpiredAndNoLongerCounts() {
        // the fast source said LONG on bar 11: 7 bars before bar 18
        assertTrue(run(unanimous(5), closes(SLOW_RISE)).stream().allMatch(x -> x == null), "expired after 5 bars: no unanimity");
        assertTrue(run(unanimous(7), closes(SLOW_RISE)).stream().allMatch(x -> x == null), "a stance 7 bars old has expired under a TTL of 7");
        List<Signal> kept = run(unanimous(8), closes(SLOW_RISE));
        assertEquals("long of combo.0=long, combo.1=long", kept.get(18).reason(), "still valid under a TTL of 8");
    }

    @Test
    void emitsOnlyWhenTheCombinedStanceChangesNotWhileItHolds() {
        Strategy s = composite(Map.of("mode", "threshold", "quorum", 1, "sources", List.of(
                source("ema-cross", 1, Map.of("fast", 1, "slow", 2)),
                source("ema-cross", 1, Map.of("fast", 3, "slow", 8)))));
        List<Signal> signals = run(s, closes(SLOW_RISE));
        assertEquals("long of combo.0=long, combo.1=none", signals.get(11).reason());
        assertEquals(null, signals.get(18), "the second source agreeing does not change the combined stance");
        assertEquals(1, signals.stream().filter(x -> x != null).count());
    }

    // ---- real bars against a recomputation from the sources run on their own

    private static Map<String, Object> realParameters(String mode, double threshold, int quorum, int ttl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mode", mode);
        p.put("threshold", threshold);
        p.put("quorum", quorum);
        p.put("stance-ttl-bars", ttl);
        p.put("sources", List.of(
                source("ema-cross", 2, Map.of("fast", 2, "slow", 4)),
                source("ema-cross", 1, Map.of("fast", 5, "slow", 12)),
                source("rsi-reversion", 1, Map.of("timeframe", "1m", "period", 5, "oversold", 35, "exit", 60))));
        return p;
    }

    /** Runs the three sources on their own, and combines their stances as the composite documents. */
    private static List<Signal> recomputed(List<Bar> bars, AggregationMode mode, double threshold, int quorum, int ttl, int[] heldCounter) {
        List<Strategy> sources = List.of(
                StrategyCatalog.create(new StrategyId("combo.0"), "ema-cross", Map.of("fast", 2, "slow", 4)),
                StrategyCatalog.create(new StrategyId("combo.1"), "ema-cross", Map.of("fast", 5, "slow", 12)),
                StrategyCatalog.create(new StrategyId("combo.2"), "rsi-reversion", Map.of("timeframe", "1m", "period", 5, "oversold", 35, "exit", 60)));
        SignalAggregator aggregator = new SignalAggregator(mode, new double[] {2, 1, 1}, threshold, quorum);
        List<StrategyState> states = new ArrayList<>();
        sources.forEach(s -> states.add(s.initialState(BTC)));
        Signal[] said = new Signal[3];
        long[] since = new long[3];
        SignalDirection emitted = null;
        List<Signal> out = new ArrayList<>();
        for (int bar = 0; bar < bars.size(); bar++) {
            Bar b = bars.get(bar);
            for (int i = 0; i < 3; i++) {
                Optional<Signal> s = sources.get(i).onBar(states.get(i), b);
                if (s.isPresent()) {
                    said[i] = s.get();
                    since[i] = bar;
                }
            }
            List<Stance> stances = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                boolean live = said[i] != null && (ttl == 0 || bar - since[i] < ttl);
                stances.add(live ? new Stance(said[i].direction(), said[i].confidence()) : Stance.NONE);
                String name = live ? said[i].direction().name() : "none";
                parts.add("combo." + i + "=" + name.toLowerCase(Locale.ROOT));
                metadata.put("source.combo." + i, name);
            }
            Stance combined = aggregator.combine(stances);
            if (combined.isNone() || combined.direction() == emitted) {
                if (!combined.isNone()) {
                    heldCounter[0]++;
                }
                out.add(null);
                continue;
            }
            emitted = combined.direction();
            out.add(new Signal(COMBO, BTC, Timeframe.M1, b.closeTime(), combined.direction(), Math.min(1.0, combined.confidence()), b.close(),
                    combined.direction().name().toLowerCase(Locale.ROOT) + " of " + String.join(", ", parts), metadata));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} threshold {1} quorum {2} ttl {3} on {4}")
    @CsvSource({
            "vote, 0.5, 1, 0, BTC", "vote, 0.5, 1, 30, ETH",
            "weighted, 0.3, 1, 0, BTC", "weighted, 0.3, 1, 20, ETH", "weighted, 0.45, 1, 3, BTC",
            "unanimous, 0.5, 1, 0, BTC", "unanimous, 0.5, 1, 5, ETH",
            "threshold, 0.5, 2, 0, ETH", "threshold, 0.5, 2, 15, BTC"})
    void onRealMinutesSignalsExactlyWhenTheRecomputedCombinedStanceChanges(String mode, double threshold, int quorum, int ttl, String asset) {
        List<Bar> bars = RealData.bars(RealData.fixture1m(asset), BTC, Timeframe.M1);
        Strategy strategy = composite(realParameters(mode, threshold, quorum, ttl));
        assertEquals(Set.of(Timeframe.M1), strategy.timeframes());
        List<Signal> actual = run(strategy, bars);
        int[] held = {0};
        List<Signal> expected = recomputed(bars, AggregationMode.valueOf(mode.toUpperCase(Locale.ROOT)), threshold, quorum, ttl, held);
        for (int i = 0; i < bars.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "minute " + i + " (" + bars.get(i).openTime() + ")");
        }
        long emitted = actual.stream().filter(x -> x != null).count();
        assertTrue(emitted >= 2, "only " + emitted + " signals: the test would prove little");
        assertTrue(held[0] >= 10, "the combined stance never held without a signal");
        for (int i = 1; i < actual.size(); i++) {
            SignalDirection previous = actual.subList(0, i).stream().filter(x -> x != null).reduce((a, b) -> b).map(Signal::direction).orElse(null);
            if (actual.get(i) != null) {
                assertNotEquals(previous, actual.get(i).direction(), "two signals in a row say the same at minute " + i);
            }
        }
        if (ttl > 0) {
            assertNotEquals(run(composite(realParameters(mode, threshold, quorum, 0)), bars), actual, "the TTL made no difference here");
        }
    }

    @Test
    void aCompositeOfMultiTimeframeSourcesRunsOnMinutesThroughTheWrapper() {
        Strategy s = composite(Map.of("mode", "vote", "sources", List.of(
                source("ema-cross", 1, Map.of("fast", 12, "slow", 26, "gate", Map.of("timeframe", "15m", "ema", 20))),
                source("rsi-reversion", 1, Map.of("timeframe", "5m", "period", 7, "oversold", 35, "exit", 60)),
                source("ema-cross", 1, Map.of("fast", 5, "slow", 20)))));
        assertEquals(Set.of(Timeframe.M1, Timeframe.M5, Timeframe.M15), s.timeframes());
        Strategy wrapped = MultiTimeframeStrategy.onBase(s, Timeframe.M1);
        StrategyState state = wrapped.initialState(BTC);
        int signals = 0;
        for (Bar b : RealData.bars(RealData.fixture1m("BTC"), BTC, Timeframe.M1)) {
            Optional<Signal> signal = wrapped.onBar(state, b);
            if (signal.isPresent()) {
                signals++;
                assertTrue(signal.get().reason().matches("(long|flat) of combo\\.0=(long|flat|none), combo\\.1=(long|flat|none), combo\\.2=(long|flat|none)"),
                        signal.get().reason());
            }
        }
        assertTrue(signals >= 2, "signals: " + signals);
        assertInstanceOf(CompositeState.class, ((MultiTimeframeStrategy.State) state).inner());
    }

    // ---- configuration errors, each naming the key's full path

    private static String refused(Map<String, ?> parameters) {
        return assertThrows(StrategyConfigException.class, () -> composite(parameters)).getMessage();
    }

    @Test
    void aCompositeInsideACompositeIsRefusedNamingTheKey() {
        assertEquals("strategies.combo.sources.1.type: a composite cannot contain a composite", refused(Map.of("sources", List.of(
                source("ema-cross", 1, Map.of()),
                source("composite", 1, Map.of("sources", List.of(source("ema-cross", 1, Map.of()))))))));
    }

    @Test
    void unknownKeysAreRefusedWithTheirPath() {
        assertEquals("strategies.combo has unknown parameter(s) [mdoe]; known are [mode, quorum, sources, stance-ttl-bars, threshold]",
                refused(Map.of("mdoe", "vote", "sources", List.of(source("ema-cross", 1, Map.of())))));
        assertEquals("strategies.combo.sources.1 has unknown parameter(s) [wieght]; known are [parameters, type, weight]",
                refused(Map.of("sources", List.of(source("ema-cross", 1, Map.of()), Map.of("type", "ema-cross", "wieght", 2)))));
        assertEquals("strategies.combo.sources.1.parameters has unknown parameter(s) [fsat]; known are [fast, gate, slow, timeframe]",
                refused(Map.of("sources", List.of(source("ema-cross", 1, Map.of()), source("ema-cross", 1, Map.of("fsat", 2))))));
        assertEquals("strategies.combo.sources.0.parameters.gate has unknown parameter(s) [adx_min]; known are [adx, adx-min, ema, timeframe]",
                refused(Map.of("sources", List.of(source("ema-cross", 1, Map.of("gate", Map.of("adx_min", 20)))))));
    }

    @Test
    void badValuesAreRefusedWithTheirPath() {
        assertEquals("strategies.combo.sources.0.parameters.fast must be within 1..500 but was 0",
                refused(Map.of("sources", List.of(source("ema-cross", 1, Map.of("fast", 0))))));
        assertEquals("strategies.combo.sources.1.parameters.timeframe: unknown timeframe '2m' (expected one of 1m, 5m, 15m, 1h, 4h, 1d)",
                refused(Map.of("sources", List.of(source("ema-cross", 1, Map.of()), source("rsi-reversion", 1, Map.of("timeframe", "2m"))))));
        assertEquals("strategies.combo.sources.0.weight must be within 1.0E-9..1.0E9 but was 0.0",
                refused(Map.of("sources", List.of(source("ema-cross", 0, Map.of())))));
        assertEquals("strategies.combo.sources.0.parameters must be an object",
                refused(Map.of("sources", List.of(Map.of("type", "ema-cross", "parameters", "fast=2")))));
        assertEquals("strategies.combo.mode must be one of [vote, weighted, unanimous, threshold] but was 'majority'",
                refused(Map.of("mode", "majority", "sources", List.of(source("ema-cross", 1, Map.of())))));
        assertEquals("strategies.combo.quorum must be within 1..2 but was 3",
                refused(Map.of("mode", "threshold", "quorum", 3, "sources", List.of(source("ema-cross", 1, Map.of()), source("ema-cross", 1, Map.of())))));
        assertEquals("strategies.combo.threshold must be within 1.0E-9..1.0 but was 1.2",
                refused(Map.of("mode", "weighted", "threshold", 1.2, "sources", List.of(source("ema-cross", 1, Map.of())))));
    }

    @Test
    void sourcesMustBeANonEmptyListOfObjectsWithAType() {
        assertEquals("strategies.combo.sources is missing", refused(Map.of("mode", "vote")));
        assertEquals("strategies.combo.sources must name at least one strategy", refused(Map.of("sources", List.of())));
        assertEquals("strategies.combo.sources must be a list of objects", refused(Map.of("sources", "ema-cross")));
        assertEquals("strategies.combo.sources.0 must be an object", refused(Map.of("sources", List.of("ema-cross"))));
        assertEquals("strategies.combo.sources.0.type is missing", refused(Map.of("sources", List.of(Map.of("weight", 1)))));
    }
}
