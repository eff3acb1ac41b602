package dev.trader.ml.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.eval.FoldSummary;
import dev.trader.ml.eval.ScoredPredictions;
import dev.trader.ml.eval.TierMetrics;
import dev.trader.ml.eval.WalkForwardEvaluation;
import dev.trader.ml.pipeline.TrainingOutcome;
import dev.trader.ml.registry.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A training run's report in a folder: {@code report.md} (the walk-forward figures of every
 * predictor next to the baseline, precision and recall per confidence tier, each fold, the
 * gate's verdict), {@code reliability.png} and {@code evaluation.json} with every figure.
 */
public final class TrainingReport {
    public static final String MARKDOWN = "report.md";
    public static final String DIAGRAM = "reliability.png";
    public static final String JSON_FILE = "evaluation.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingReport() {
    }

    public static void write(Path dir, TrainingOutcome outcome, ModelCard card) throws IOException {
        Files.createDirectories(dir);
        WalkForwardEvaluation.Result e = outcome.evaluation();
        String chosen = WalkForwardEvaluation.name(outcome.spec().kind(), outcome.spec().calibration());
        Map<String, java.util.List<dev.trader.ml.eval.ProbabilityMetrics.Bin>> series = new LinkedHashMap<>();
        series.put(chosen, e.scores().get(chosen).reliability());
        String raw = outcome.spec().kind().id() + "+none";
        if (!raw.equals(chosen)) {
            series.put(raw + " (uncalibrated)", e.scores().get(raw).reliability());
        }
        series.put(WalkForwardEvaluation.BASELINE, e.baseline().reliability());
        ReliabilityDiagram.write(dir.resolve(DIAGRAM), "Reliability, out of sample: " + card.tag(), series);
        Files.writeString(dir.resolve(MARKDOWN), markdown(outcome, card, chosen));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", card);
        json.put("scores", e.scores());
        json.put("folds", e.folds());
        json.put("labels", Map.of("down", outcome.labelCounts()[0], "flat", outcome.labelCounts()[1], "up", outcome.labelCounts()[2],
                "unlabelled", outcome.labelCounts()[3]));
        JSON.writeValue(dir.resolve(JSON_FILE).toFile(), json);
    }

    static String markdown(TrainingOutcome outcome, ModelCard card, String chosen) {
        WalkForwardEvaluation.Result e = outcome.evaluation();
        StringBuilder s = new StringBuilder();
        s.append("# Model ").append(card.tag()).append("\n\n");
        s.append(String.format(Locale.ROOT, "%s, %s calibration, seed %d, fingerprint `%s`.%n", card.kind(), card.calibration(), card.seed(),
                card.fingerprint().substring(0, 16)));
        if (card.lookback() > 1) {
            s.append(String.format(Locale.ROOT, "It reads the last %d feature rows of a symbol (the minutes before a gap in the bars are "
                    + "not read across it).%n", card.lookback()));
        }
        s.append(String.format(Locale.ROOT, "Label: direction of the close %d minutes later, FLAT within ±%.1f bps. Rows: %d DOWN, %d FLAT, %d UP, "
                        + "%d without a label (no bar at the horizon).%n", card.horizonMinutes(), card.bandBps(), outcome.labelCounts()[0],
                outcome.labelCounts()[1], outcome.labelCounts()[2], outcome.labelCounts()[3]));
        s.append("Data version `").append(card.data().id()).append("` (feature code ").append(card.data().featureCode()).append("): ");
        s.append(String.join(", ", card.data().files().keySet()));
        s.append(card.data().until() == null ? ".\n\n" : ", the bars closed by " + card.data().until() + " (what follows is left for out-of-sample backtests).\n\n");
        s.append("## Out of sample (walk-forward, ").append(e.folds().size()).append(" folds, ").append(e.pooledLabels().length)
                .append(" test rows pooled)\n\n");
        s.append("Every figure is on rows the predictor never trained or calibrated on. The baseline forecasts the training rows' class "
                + "frequencies every time.\n\n");
        s.append("| predictor | accuracy | Brier | Brier skill vs baseline | log loss | calibration error (ECE) |\n|---|---:|---:|---:|---:|---:|\n");
        ScoredPredictions baseline = e.baseline();
        for (ScoredPredictions p : e.scores().values()) {
            s.append(String.format(Locale.ROOT, "| %s%s | %.4f | %.4f | %+.2f%% | %.4f | %.2f%% |%n", p.name(), p.name().equals(chosen) ? " **(this model)**" : "",
                    p.accuracy(), p.brier(), 100 * p.brierSkillAgainst(baseline), p.logLoss(), 100 * p.expectedCalibrationError()));
        }
        s.append("\n## Confidence tiers of ").append(chosen).append("\n\n");
        s.append(String.format(Locale.ROOT, "A call is UP or DOWN when it is the most probable class; its tier is its probability: HIGH ≥ %.2f, "
                + "MEDIUM ≥ %.2f, LOW below.%n%n", card.tiers().high(), card.tiers().medium()));
        s.append("| tier | calls | right | precision | recall |\n|---|---:|---:|---:|---:|\n");
        for (TierMetrics t : e.scores().get(chosen).tiers().values()) {
            if (t.tier() != ConfidenceTier.NONE) {
                s.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.2f%% |%n", t.tier(), t.calls(), t.right(),
                        Double.isNaN(t.precision()) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * t.precision()), 100 * t.recall()));
            }
        }
        s.append("\n![reliability diagram](").append(DIAGRAM).append(")\n\n## Folds\n\n");
        s.append("| fold | trained from | calibrated from | tested | rows (train / calibrate / test) | Brier of this model | baseline |\n");
        s.append("|---:|---|---|---|---|---:|---:|\n");
        for (FoldSummary f : e.folds()) {
            s.append(String.format(Locale.ROOT, "| %d | %s | %s | %s → %s | %d / %d / %d | %.4f | %.4f |%n", f.index(), f.trainFrom(), f.calibrationFrom(),
                    f.testFrom(), f.testTo(), f.trainRows(), f.calibrationRows(), f.testRows(), f.brier().get(chosen),
                    f.brier().get(WalkForwardEvaluation.BASELINE)));
        }
        s.append("\n## Promotion gate\n\n");
        if (card.gate().passed()) {
            s.append(String.format(Locale.ROOT, "**Passed**: calibration error %.2f%% ≤ %.0f%% and Brier below the baseline's.%n",
                    100 * card.outOfSample().expectedCalibrationError(), 100 * card.gate().maxCalibrationError()));
        } else {
            s.append("**Not passed**: ").append(String.join("; ", card.gate().reasons()))
                    .append(". The model is registered but `bin/trader model promote` refuses it without `--force`.\n");
        }
        s.append("\nThe deployed model is trained on ").append(card.trainedFrom()).append(" onwards and calibrated on the last ")
                .append(Math.round(100 * outcome.spec().calibrationFraction())).append("% of the data, up to ").append(card.trainedTo()).append(".\n");
        return s.toString();
    }
}
