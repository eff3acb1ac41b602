package dev.trader.app;

import dev.trader.ml.eval.Progress;
import dev.trader.ml.feature.DataVersion;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureNames;
import dev.trader.ml.feature.FeatureStore;
import dev.trader.ml.pipeline.TrainingOutcome;
import dev.trader.ml.pipeline.TrainingPipeline;
import dev.trader.ml.pipeline.TrainingSpec;
import dev.trader.ml.registry.ModelCard;
import dev.trader.ml.registry.ModelRegistry;
import dev.trader.ml.report.TrainingReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One training run as {@code train} and {@code demo --ml} do it: the features from the store (or
 * computed and stored), the pipeline under a progress bar on stderr, the model registered and
 * its report written beside it; a line of features and one of out-of-sample figures on stdout.
 */
final class ModelTraining {
    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets the level set on it. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private ModelTraining() {
    }

    static ModelCard trainAndRegister(TrainingSpec spec, List<Path> files, Instant until, Path models, Path features, PrintWriter out,
                                      PrintWriter err) throws IOException {
        // Tribuo logs every SGD epoch at INFO on stderr, over the progress bar.
        TRIBUO_LOG.setLevel(Level.WARNING);
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new IllegalArgumentException("no readable data file " + f);
            }
        }
        DataVersion version = DataVersion.of(FeatureNames.CODE_VERSION, files, until);
        FeatureStore store = new FeatureStore(features);
        boolean cached = Files.exists(store.fileFor(version));
        long t0 = System.nanoTime();
        FeatureFrame frame = store.loadOrCompute(version, () -> {
            try {
                return FeatureFrame.compute(TrainingData.load(files, until, out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.printf(Locale.ROOT, "features: %,d rows of %d features for %s, data version %s, %s in %.1f s (%s)%n", frame.rows(), frame.names().size(),
                frame.instruments(), version.id(), cached ? "read from the feature store" : "computed and stored", (System.nanoTime() - t0) / 1e9,
                store.fileFor(version));
        out.flush();
        TrainingOutcome outcome;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train").setStyle(ProgressBarStyle.ASCII).setInitialMax(1)
                .setConsumer(new WriterProgressBarConsumer(err)).build()) {
            Progress progress = (what, done, total) -> {
                bar.maxHint(total);
                bar.stepTo(done);
                bar.setExtraMessage(what);
            };
            outcome = TrainingPipeline.run(spec, frame, version, progress);
        }
        ModelCard card = new ModelRegistry(models, Clock.systemUTC()).register(outcome.card(), outcome.classifier());
        TrainingReport.write(reportDir(models, card), outcome, card);
        ModelCard.Figures f = card.outOfSample();
        out.printf(Locale.ROOT, "out of sample (%d folds, %,d rows): accuracy %.4f (baseline %.4f), Brier %.4f (baseline %.4f, skill %+.2f%%), "
                        + "calibration error %.2f%%%n", f.folds(), f.rows(), f.accuracy(), f.baselineAccuracy(), f.brier(), f.baselineBrier(),
                100 * f.brierSkill(), 100 * f.expectedCalibrationError());
        out.flush();
        return card;
    }

    static Path reportDir(Path models, ModelCard card) {
        return models.resolve(card.name()).resolve(card.version()).resolve("report");
    }
}
