package dev.trader.ml.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.ml.SampleBars;
import dev.trader.ml.eval.Progress;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.pipeline.TrainingOutcome;
import dev.trader.ml.pipeline.TrainingPipeline;
import dev.trader.ml.pipeline.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    private static TrainingOutcome seed1;
    private static TrainingOutcome seed2;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        FeatureFrame frame = FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc()));
        DataVersion data = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        TrainingSpec spec = TrainingSpec.defaults("direction-btc");
        seed1 = TrainingPipeline.run(spec.withSeed(1), frame, data, Progress.NONE);
        seed2 = TrainingPipeline.run(spec.withSeed(2), frame, data, Progress.NONE);
    }

    @Test
    void promoteAndRollBackMoveTheActiveVersionAndRecordEachDeployment() throws IOException {
        ModelRegistry registry = new ModelRegistry(dir, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        ModelCard v1 = registry.register(passed(seed1.card()), seed1.classifier());
        ModelCard v2 = registry.register(passed(seed2.card()), seed2.classifier());
        assertEquals("1.0.0", v1.version());
        assertEquals("1.1.0", v2.version(), "same features: a new minor version");

        registry.promote("direction-btc@1.0.0", false, "first");
        registry.promote("direction-btc@1.1.0", false, "retrained");
        assertEquals(v2.fingerprint(), registry.active("direction-btc").orElseThrow().card().fingerprint());
        RegistryFile.Deployment back = registry.rollback("direction-btc", "worse live");
        assertEquals("1.1.0", back.from());
        assertEquals("1.0.0", back.to());
        assertEquals(v1.fingerprint(), registry.active("direction-btc").orElseThrow().card().fingerprint());
        List<String> events = registry.read().deployments().stream().map(d -> d.action() + " " + d.from() + "→" + d.to()).toList();
        assertEquals(List.of("PROMOTED null→1.0.0", "PROMOTED 1.0.0→1.1.0", "ROLLED_BACK 1.1.0→1.0.0"), events);
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> registry.rollback("direction-btc", "again"));
        assertTrue(first.getMessage().contains("first version ever deployed"), first.getMessage());
        assertEquals("1.1.0", registry.rollback("direction-btc@1.1.0", "it was fine").to(), "rollback to a named version");
        assertTrue(Files.readString(registry.file()).contains("\"ROLLED_BACK\""));
    }

    @Test
    void aModelThatFailedItsGateIsPromotedOnlyWhenForced() throws IOException {
        ModelRegistry registry = new ModelRegistry(dir, Clock.systemUTC());
        ModelCard card = seed1.card();
        ModelCard failing = withGate(card, new ModelCard.Gate(false, 0.05, List.of("calibration error 0.0800 above 0.0500")));
        registry.register(failing, seed1.classifier());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> registry.promote("direction-btc@1.0.0", false, "try"));
        assertTrue(refused.getMessage().contains("calibration error 0.0800") && refused.getMessage().contains("--force"), refused.getMessage());
        assertTrue(registry.read().active().isEmpty());
        assertTrue(registry.promote("direction-btc@1.0.0", true, "operator override").forced());
        assertEquals("1.0.0", registry.read().active().get("direction-btc"));
        assertThrows(IllegalArgumentException.class, () -> registry.promote("direction-btc@9.0.0", true, "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.promote("direction-btc", true, "x"));
    }

    @Test
    void aModelFileThatIsNotTheOneItsCardNamesIsRefused() throws IOException {
        ModelRegistry registry = new ModelRegistry(dir, Clock.systemUTC());
        registry.register(passed(seed1.card()), seed1.classifier());
        registry.register(passed(seed2.card()), seed2.classifier());
        Files.copy(dir.resolve("direction-btc/1.1.0/model.tribuo"), dir.resolve("direction-btc/1.0.0/model.tribuo"), StandardCopyOption.REPLACE_EXISTING);
        IOException swapped = assertThrows(IOException.class, () -> ModelBundle.load(dir.resolve("direction-btc/1.0.0")));
        assertTrue(swapped.getMessage().contains("not the model its card describes"), swapped.getMessage());
        assertThrows(IOException.class, () -> registry.promote("direction-btc@1.0.0", true, "x"), "never deployed");
        Files.writeString(dir.resolve("direction-btc/1.1.0/model.tribuo"), "garbage");
        IOException garbage = assertThrows(IOException.class, () -> ModelBundle.load(dir.resolve("direction-btc/1.1.0")));
        assertTrue(garbage.getMessage().contains("not a readable Tribuo model"), garbage.getMessage());
    }

    private static ModelCard passed(ModelCard c) {
        return withGate(c, new ModelCard.Gate(true, 0.05, List.of()));
    }

    private static ModelCard withGate(ModelCard c, ModelCard.Gate gate) {
        return c.withGate(gate);
    }
}
