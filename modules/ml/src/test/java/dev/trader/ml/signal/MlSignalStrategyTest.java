package dev.trader.ml.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.ml.SampleBars;
import dev.trader.ml.eval.Progress;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.pipeline.TrainingOutcome;
import dev.trader.ml.pipeline.TrainingPipeline;
import dev.trader.ml.pipeline.TrainingSpec;
import dev.trader.ml.registry.ModelRegistry;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ML signal strategy on the real ETH week with models trained on the BTC week: it decides only
 * once a model is promoted, follows a promotion while it runs (the same strategy object, no
 * restart), names the model in every signal, and its state survives a snapshot (CBOR, as the engine writes them) exactly.
 */
class MlSignalStrategyTest {
    private static TrainingOutcome first;
    private static TrainingOutcome second;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        FeatureFrame frame = FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc()));
        DataVersion data = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        first = TrainingPipeline.run(TrainingSpec.defaults("direction").withSeed(1), frame, data, Progress.NONE);
        second = TrainingPipeline.run(TrainingSpec.defaults("direction").withSeed(2), frame, data, Progress.NONE);
    }

    @Test
    void decidesWithThePromotedModelAndSwapsItWhileRunning() throws IOException {
        ModelRegistry registry = new ModelRegistry(dir, Clock.systemUTC());
        registry.register(first.card(), first.classifier());
        registry.register(second.card(), second.classifier());
        Strategy strategy = StrategyCatalog.create(new StrategyId("ml"), "ml-signal",
                Map.of("models-dir", dir.toString(), "min-tier", "LOW", "confirm-scans", 2, "sample-floor", 0));
        List<Bar> eth = SampleBars.both().get(SampleBars.ETH);
        StrategyState state = strategy.initialState(SampleBars.ETH);
        List<Signal> signals = new ArrayList<>();
        int half = eth.size() / 2;
        for (Bar b : eth.subList(0, 3_000)) {
            strategy.onBar(state, b).ifPresent(signals::add);
        }
        assertTrue(signals.isEmpty(), "nothing promoted: no signal");
        registry.promote("direction@1.0.0", true, "test");
        for (Bar b : eth.subList(3_000, half)) {
            strategy.onBar(state, b).ifPresent(signals::add);
        }
        int beforeSwap = signals.size();
        registry.promote("direction@1.1.0", true, "test");
        for (Bar b : eth.subList(half, eth.size())) {
            strategy.onBar(state, b).ifPresent(signals::add);
        }
        assertTrue(beforeSwap > 0 && signals.size() > beforeSwap, "signals from both versions: " + beforeSwap + " then " + (signals.size() - beforeSwap));
        assertTrue(signals.subList(0, beforeSwap).stream().allMatch(s -> s.metadata().get("model").equals("direction@1.0.0")));
        assertTrue(signals.subList(beforeSwap, signals.size()).stream().allMatch(s -> s.metadata().get("model").equals("direction@1.1.0")),
                "after the promotion every signal is the new version's");
        for (int i = 0; i < signals.size(); i++) {
            assertEquals(i % 2 == 0 ? SignalDirection.LONG : SignalDirection.FLAT, signals.get(i).direction(), "LONG and FLAT alternate");
        }
    }

    @Test
    void itsStateIsWrittenAndReadBackExactlyAndThenDecidesTheSame() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir, Clock.systemUTC());
        registry.register(first.card(), first.classifier());
        registry.promote("direction@1.0.0", true, "test");
        Strategy strategy = StrategyCatalog.create(new StrategyId("ml"), "ml-signal",
                Map.of("models-dir", dir.toString(), "version", "1.0.0", "min-tier", "LOW", "sample-floor", 0));
        List<Bar> eth = SampleBars.both().get(SampleBars.ETH);
        StrategyState state = strategy.initialState(SampleBars.ETH);
        for (Bar b : eth.subList(0, 5_000)) {
            strategy.onBar(state, b);
        }
        ObjectMapper mapper = new ObjectMapper(new CBORFactory());
        mapper.registerModule(new ParameterNamesModule());
        mapper.registerModule(new JavaTimeModule());
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.GETTER, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);
        StrategyState copy = mapper.readerFor(StrategyState.class).readValue(mapper.writerFor(StrategyState.class).writeValueAsBytes(state));
        assertEquals(state, copy);
        for (Bar b : eth.subList(5_000, eth.size())) {
            assertEquals(strategy.onBar(state, b), strategy.onBar(copy, b), b.openTime().toString());
        }
        assertEquals(state, copy);
    }
}
