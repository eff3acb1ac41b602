package dev.trader.ml.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drift checks of a model trained on the real BTC week against rows it knows and against the same rows with one feature moved. */
class DriftCheckTest {
    private static FeatureFrame frame;
    private static TrainingOutcome outcome;

    @BeforeAll
    static void train() throws IOException {
        frame = FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc()));
        outcome = TrainingPipeline.run(TrainingSpec.defaults("direction"), frame,
                DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE)), Progress.NONE);
    }

    @Test
    void theTrainingRowsThemselvesShowNoDriftAndOneMovedFeatureDoes() {
        FeatureReference reference = outcome.card().reference();
        assertEquals(FeatureNames.DRIFT_TESTED, reference.names());
        FeatureFrame known = rowsOf(frame, 0, reference.rows());
        DriftCheck.Report same = DriftCheck.run(outcome.card(), reference, outcome.calibration(), known, Long.MIN_VALUE, 0.01, 0.05, 0.05);
        assertTrue(same.features().stream().noneMatch(DriftCheck.FeatureDrift::drifted), same.reasons().toString());

        int rsi = frame.names().indexOf("rsi_14");
        double[][] columns = known.columns().clone();
        columns[rsi] = known.columns()[rsi].clone();
        for (int i = 0; i < columns[rsi].length; i++) {
            columns[rsi][i] = Math.min(1, columns[rsi][i] + 0.15);
        }
        FeatureFrame moved = new FeatureFrame(known.names(), known.instruments(), known.instrument(), known.closeTimeMs(), known.close(), columns);
        DriftCheck.Report report = DriftCheck.run(outcome.card(), reference, outcome.calibration(), moved, Long.MIN_VALUE, 0.01, 0.05, 0.05);
        List<String> drifted = report.features().stream().filter(DriftCheck.FeatureDrift::drifted).map(DriftCheck.FeatureDrift::feature).toList();
        assertEquals(List.of("rsi_14"), drifted, "the RSI moved 15 points, nothing else");
        assertTrue(report.retrain());
        assertTrue(report.performance().rows() > 1_000, "the recent rows' outcomes were scored: " + report.performance());
    }

    @Test
    void anEmptyWindowIsRefused() {
        FeatureFrame none = rowsOf(frame, 0, 0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DriftCheck.run(outcome.card(), outcome.card().reference(), outcome.calibration(), none, Long.MIN_VALUE, 0.01, 0.05, 0.05));
        assertTrue(e.getMessage().contains("no recent feature rows"));
        assertFalse(e.getMessage().isBlank());
    }

    private static FeatureFrame rowsOf(FeatureFrame f, int from, int to) {
        return f.select(java.util.stream.IntStream.range(from, to).toArray());
    }
}
