package dev.trader.ml.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.signal.Signal;
import dev.trader.ml.SampleBars;
import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.eval.Progress;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.model.LstmRecipe;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.pipeline.TrainingOutcome;
import dev.trader.ml.pipeline.TrainingPipeline;
import dev.trader.ml.pipeline.TrainingSpec;
import dev.trader.ml.registry.ModelBundle;
import dev.trader.ml.registry.ModelCard;
import dev.trader.ml.registry.ModelRegistry;
import dev.trader.ml.report.TrainingReport;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LSTM through the whole lifecycle on the real weeks: evaluated walk-forward next to the
 * tabular models, registered with its report, refused when its file is swapped, and traded by the
 * ML signal strategy on the other symbol.
 */
class LstmSignalTest {
    @TempDir
    Path dir;

    @Test
    void anLstmIsEvaluatedRegisteredAndTraded() throws IOException {
        FeatureFrame frame = FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc()));
        DataVersion data = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        TrainingSpec spec = TrainingSpec.defaults("direction-lstm").withKind(ModelKind.LSTM).withFolds(2);
        TrainingOutcome outcome = TrainingPipeline.run(spec, frame, data, Progress.NONE);

        assertEquals(List.of(ModelKind.XGBOOST, ModelKind.LOGISTIC, ModelKind.LSTM), spec.compared());
        for (ModelKind k : spec.compared()) {
            assertNotNull(outcome.evaluation().of(k, CalibrationMethod.PLATT), k + " scored out of sample beside the others");
        }
        ModelCard card = outcome.card();
        assertEquals("lstm", card.kind());
        assertEquals(LstmRecipe.DEFAULT.lookback(), card.lookback());
        assertEquals(outcome.evaluation().of(ModelKind.LSTM, CalibrationMethod.PLATT).brier(), card.outOfSample().brier(), 0.0);

        ModelRegistry registry = new ModelRegistry(dir, Clock.systemUTC());
        ModelCard registered = registry.register(card, outcome.classifier());
        Path folder = dir.resolve(registry.read().models().get(0).path());
        assertTrue(Files.isRegularFile(folder.resolve("model.dl4j")), "the network is stored beside its card");
        TrainingReport.write(dir.resolve("report"), outcome, registered);
        String md = Files.readString(dir.resolve("report").resolve(TrainingReport.MARKDOWN));
        assertTrue(md.contains("lstm+platt **(this model)**") && md.contains("xgboost+platt"), md);
        assertTrue(md.contains("last 16 feature rows"), md);
        registry.promote(registered.tag(), true, "test");

        Strategy strategy = StrategyCatalog.create(new StrategyId("ml"), "ml-signal", Map.of("models-dir", dir.toString(), "model", "direction-lstm",
                "version", registered.version(), "min-tier", "LOW", "sample-floor", 0));
        StrategyState state = strategy.initialState(SampleBars.ETH);
        List<Signal> signals = new ArrayList<>();
        for (Bar b : SampleBars.both().get(SampleBars.ETH)) {
            strategy.onBar(state, b).ifPresent(signals::add);
        }
        assertFalse(signals.isEmpty(), "the LSTM's calls became signals");
        assertTrue(signals.stream().allMatch(s -> s.metadata().get("model").equals(registered.tag())));

        // A network that is not the one the card names is refused, never traded on.
        Path other = dir.resolve("other.dl4j");
        outcome.classifier().save(other);
        TrainingOutcome second = TrainingPipeline.run(spec.withSeed(43).comparing(List.of()), frame, data, Progress.NONE);
        second.classifier().save(folder.resolve("model.dl4j"));
        IOException swapped = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ModelBundle.load(folder));
        assertTrue(swapped.getMessage().contains("is not the model its card describes"), swapped.getMessage());
    }
}
