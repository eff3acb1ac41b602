package dev.trader.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.ml.SampleBars;
import dev.trader.ml.eval.Progress;
import dev.trader.ml.eval.ScoredPredictions;
import dev.trader.ml.eval.WalkForwardEvaluation;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.report.TrainingReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole training run on the real sample week (BTC and ETH, 2023-03-17 to 03-23). */
class TrainingPipelineTest {
    private static FeatureFrame frame;
    private static DataVersion data;

    @TempDir
    Path dir;

    @BeforeAll
    static void features() throws IOException {
        frame = FeatureFrame.compute(SampleBars.both());
        data = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE, SampleBars.ETH_FILE));
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        TrainingSpec spec = TrainingSpec.defaults("direction").withSeed(7);
        String first = TrainingPipeline.run(spec, frame, data, Progress.NONE).card().fingerprint();
        String again = TrainingPipeline.run(spec, frame, data, Progress.NONE).card().fingerprint();
        String other = TrainingPipeline.run(spec.withSeed(8), frame, data, Progress.NONE).card().fingerprint();
        assertEquals(first, again, "same data, same seed: the same model hash");
        assertNotEquals(first, other, "XGBoost subsamples rows and columns by the seed");
        TrainingSpec logistic = spec.withKind(ModelKind.LOGISTIC);
        assertEquals(TrainingPipeline.run(logistic, frame, data, Progress.NONE).card().fingerprint(),
                TrainingPipeline.run(logistic, frame, data, Progress.NONE).card().fingerprint(), "the linear model's SGD order is seeded too");
    }

    @Test
    void theCardCarriesTheWalkForwardFiguresAndTheReportShowsThem() throws IOException {
        TrainingSpec spec = TrainingSpec.defaults("direction");
        TrainingOutcome outcome = TrainingPipeline.run(spec, frame, data, Progress.NONE);
        ScoredPredictions chosen = outcome.evaluation().of(spec.kind(), spec.calibration());
        assertEquals(chosen.brier(), outcome.card().outOfSample().brier(), 0.0);
        assertEquals(outcome.evaluation().baseline().brier(), outcome.card().outOfSample().baselineBrier(), 0.0);
        assertEquals(spec.folds(), outcome.evaluation().folds().size());
        int tested = outcome.evaluation().folds().stream().mapToInt(f -> f.testRows()).sum();
        assertEquals(tested, chosen.rows(), "every fold's test rows pooled, none twice");
        boolean gate = chosen.expectedCalibrationError() <= spec.maxCalibrationError() && chosen.brier() < outcome.card().outOfSample().baselineBrier();
        assertEquals(gate, outcome.card().gate().passed(), outcome.card().gate().reasons().toString());
        assertTrue(outcome.card().trainedTo().isAfter(outcome.card().trainedFrom()));

        TrainingReport.write(dir, outcome, outcome.card());
        String md = Files.readString(dir.resolve(TrainingReport.MARKDOWN));
        assertTrue(md.contains(WalkForwardEvaluation.BASELINE), md);
        assertTrue(md.contains("| HIGH |") && md.contains("| MEDIUM |") && md.contains("| LOW |"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.4f", chosen.brier())), md);
        BufferedImage png = ImageIO.read(dir.resolve(TrainingReport.DIAGRAM).toFile());
        assertEquals(640, png.getWidth());
        assertTrue(Files.readString(dir.resolve(TrainingReport.JSON_FILE)).contains("\"expectedCalibrationError\""));
    }
}
