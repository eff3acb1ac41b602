package dev.trader.strategy.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.builtin.RealData;
import dev.trader.strategy.timeframe.MultiTimeframeStrategy;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy type of the catalog, with its defaults and with the parameters of its shipped
 * file under {@code conf/strategies}, wrapped to run on 1m bars as the engine runs it: after real
 * 1m bars its state is written and read back through CBOR exactly as the engine's snapshots do
 * (field visibility, polymorphic {@link StrategyState}), the copy equals the original, and both
 * then decide every remaining bar identically and end in equal states. So a snapshot of any
 * strategy restores exactly.
 */
class StrategyStateJacksonTest {
    private static final int SPLIT = 500;
    private static List<Bar> btc;
    private static List<Bar> eth;
    private static ObjectWriter writer;
    private static ObjectReader reader;

    /** One strategy configuration: its catalog type and parameters as HOCON unwraps them. */
    private record Config(String name, String type, Map<String, Object> parameters) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Config config(String name, String type, Map<String, Object> parameters) {
        return new Config(name, type, parameters);
    }

    /** The defaults of every type, and the parameters of each file in conf/strategies (copied by hand: no HOCON here). */
    static List<Config> configs() {
        return List.of(
                config("ema-cross defaults", "ema-cross", Map.of()),
                config("ema-cross.conf", "ema-cross", Map.of("fast", 12, "slow", 26,
                        "gate", Map.of("timeframe", "15m", "ema", 20, "adx", 14, "adx-min", 20))),
                config("r1 defaults = r1.conf", "r1", Map.of("fast", 12, "slow", 26, "atr", 14, "stop-atr", 2.0)),
                config("rsi-reversion defaults", "rsi-reversion", Map.of()),
                config("rsi-reversion.conf", "rsi-reversion", Map.of("timeframe", "5m", "period", 14, "oversold", 30, "exit", 55)),
                config("bollinger-breakout defaults", "bollinger-breakout", Map.of()),
                config("bollinger-breakout.conf", "bollinger-breakout", Map.of("timeframe", "15m", "period", 20, "k", 2.0,
                        "volume-period", 20, "volume-factor", 1.5)),
                config("vwap-reversion defaults = vwap-reversion.conf", "vwap-reversion", Map.of("timeframe", "5m", "atr", 14,
                        "band-atr", 2.0, "min-session-bars", 12)),
                config("vwap-reversion on 1m", "vwap-reversion", Map.of("timeframe", "1m", "band-atr", 1.0, "min-session-bars", 5)),
                config("smc-confluence defaults = smc-confluence.conf", "smc-confluence", Map.of("timeframe", "15m",
                        "trend-timeframe", "1h", "trend-ema", 50, "adx-min", 20, "rsi", 14, "pivot", 3, "lookback-bars", 12,
                        "require-sweep", false)),
                config("smc-confluence on 5m gated by 15m", "smc-confluence", Map.of("timeframe", "5m", "trend-timeframe", "15m",
                        "trend-ema", 10, "adx-min", 15, "require-sweep", true, "lookback-bars", 24)),
                config("trend-and-reversion-vote.conf", "composite", Map.of("mode", "weighted", "threshold", 0.6, "stance-ttl-bars", 120,
                        "sources", List.of(
                                Map.of("type", "ema-cross", "weight", 2, "parameters", Map.of("fast", 12, "slow", 26)),
                                Map.of("type", "rsi-reversion", "weight", 1, "parameters", Map.of("timeframe", "5m"))))),
                config("composite of every kind", "composite", Map.of("mode", "vote", "sources", List.of(
                        Map.of("type", "ema-cross", "parameters", Map.of("fast", 5, "slow", 20,
                                "gate", Map.of("timeframe", "15m", "ema", 10))),
                        Map.of("type", "bollinger-breakout", "parameters", Map.of("timeframe", "5m", "volume-factor", 1.0)),
                        Map.of("type", "vwap-reversion", "parameters", Map.of("timeframe", "1m")),
                        Map.of("type", "smc-confluence", "parameters", Map.of("timeframe", "5m", "trend-timeframe", "15m")),
                        Map.of("type", "r1")))),
                config("session-regime-router.conf", "router", Map.of(
                        "regime", Map.of("timeframe", "1h", "adx", 14, "hurst-window", 100, "hurst-max-lag", 20,
                                "volatility-window", 24, "volatility-lookback", 120),
                        "routes", List.of(
                                Map.of("sessions", List.of("london", "new-york"), "regimes", List.of("trend"),
                                        "strategy", Map.of("type", "ema-cross", "parameters", Map.of("fast", 12, "slow", 26))),
                                Map.of("regimes", List.of("range"),
                                        "strategy", Map.of("type", "rsi-reversion", "parameters", Map.of("timeframe", "5m")))))),
                config("router warm on 15m", "router", Map.of(
                        "regime", Map.of("timeframe", "15m", "adx", 5, "hurst-window", 20, "hurst-max-lag", 5,
                                "volatility-window", 5, "volatility-lookback", 10),
                        "routes", List.of(
                                Map.of("regimes", List.of("trend"), "strategy", Map.of("type", "ema-cross",
                                        "parameters", Map.of("fast", 5, "slow", 12))),
                                Map.of("strategy", Map.of("type", "bollinger-breakout", "parameters", Map.of("timeframe", "5m")))))));
    }

    static Stream<Arguments> everyConfigOnEveryAsset() {
        return configs().stream().flatMap(c -> Stream.of(Arguments.of(c, "BTC"), Arguments.of(c, "ETH")));
    }

    @BeforeAll
    static void setUp() {
        btc = RealData.bars(RealData.fixture1m("BTC"), RealData.BTC, Timeframe.M1);
        eth = RealData.bars(RealData.fixture1m("ETH"), RealData.ETH, Timeframe.M1);
        // the engine's snapshot mapper: Jackson CBOR, records' and state objects' fields only
        ObjectMapper mapper = new ObjectMapper(new CBORFactory());
        mapper.registerModule(new ParameterNamesModule());
        mapper.registerModule(new JavaTimeModule());
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.GETTER, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);
        writer = mapper.writerFor(StrategyState.class);
        reader = mapper.readerFor(StrategyState.class);
    }

    private static byte[] write(StrategyState state) {
        try {
            return writer.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + state.getClass().getName(), e);
        }
    }

    private static StrategyState read(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new AssertionError("cannot read back a state", e);
        }
    }

    private static Strategy create(Config c) {
        return MultiTimeframeStrategy.onBase(StrategyCatalog.create(new StrategyId("s"), c.type(), c.parameters()), Timeframe.M1);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyConfigOnEveryAsset")
    void aSnapshotAfter500RealMinutesRestoresExactlyAndDecidesTheRestIdentically(Config config, String asset) {
        List<Bar> bars = asset.equals("BTC") ? btc : eth;
        Strategy strategy = create(config);
        StrategyState original = strategy.initialState(bars.get(0).instrument());
        StrategyState initial = read(write(original));
        assertEquals(original, initial, "the initial state survives the round trip");
        List<Signal> before = new ArrayList<>();
        for (Bar bar : bars.subList(0, SPLIT)) {
            strategy.onBar(original, bar).ifPresent(before::add);
        }
        assertNotEquals(initial, original, "500 bars left no trace in the state: the test would prove nothing");

        byte[] snapshot = write(original);
        StrategyState restored = read(snapshot);
        assertNotSame(original, restored);
        assertEquals(original.getClass(), restored.getClass());
        assertEquals(original, restored, "the restored state equals the original field by field");
        assertEquals(original.hashCode(), restored.hashCode());
        assertArrayEquals(snapshot, write(restored), "writing the copy gives the same bytes");

        // a fresh instance of the strategy, as after a restart: the state carries everything
        Strategy restarted = create(config);
        List<Optional<Signal>> fromOriginal = new ArrayList<>();
        List<Optional<Signal>> fromRestored = new ArrayList<>();
        for (Bar bar : bars.subList(SPLIT, bars.size())) {
            fromOriginal.add(strategy.onBar(original, bar));
            fromRestored.add(restarted.onBar(restored, bar));
        }
        assertEquals(fromOriginal, fromRestored, "identical decisions after the restore");
        assertEquals(original, restored, "equal final states");
        assertArrayEquals(write(original), write(restored));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void aSnapshotTakenAfterAnyBarRestoresExactly(Config config) {
        // every 37th bar, so that snapshots fall inside open 5m, 15m and 1h buckets and across midnight
        Strategy strategy = create(config);
        StrategyState state = strategy.initialState(RealData.BTC);
        StrategyState shadow = null;
        for (int i = 0; i < btc.size(); i++) {
            Optional<Signal> expected = strategy.onBar(state, btc.get(i));
            if (shadow != null) {
                assertEquals(expected, strategy.onBar(shadow, btc.get(i)), "bar " + i);
            }
            if (i % 37 == 0) {
                shadow = read(write(state));
                assertEquals(state, shadow, "after bar " + i);
            }
        }
        assertEquals(state, shadow);
    }

    @Test
    void everyTypeOfTheCatalogIsCovered() throws ReflectiveOperationException {
        Field types = StrategyCatalog.class.getDeclaredField("TYPES");
        types.setAccessible(true);
        Set<String> catalog = new TreeSet<>(((Map<?, ?>) types.get(null)).keySet().stream().map(String::valueOf).toList());
        Set<String> covered = new TreeSet<>(configs().stream().map(Config::type).toList());
        assertEquals(catalog, covered, "a new strategy type needs a configuration here");
    }
}
