package dev.trader.app;

import dev.trader.ml.drift.DriftCheck;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.registry.ModelBundle;
import dev.trader.ml.registry.ModelRegistry;
import dev.trader.ml.registry.RegistryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trader model drift}: does the active (or a named) model still fit recent data? */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a model against recent 1m candles: each market feature's distribution against the model's training rows "
                + "(Kolmogorov-Smirnov, Bonferroni-corrected, with a minimum effect size) and the model's Brier score on the recent bars whose "
                + "outcome is known against its out-of-sample score at training. Exit code 1 when retraining is recommended, 0 when not.",
                "Example: trader model drift --data ../shared/data/binance-spot-1m/BTC_USDT-1m_20230316-20230501.json.gz --from 2023-04-24"})
final class ModelDriftCommand extends ModelCommand.RegistryCommand {
    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE", description = "1m candle files with the recent data")
    List<Path> data;

    @Option(names = "--from", paramLabel = "TIME", description = "only the rows from this UTC date or instant (the features warm up on the bars before it)")
    String from;

    @Option(names = "--name", defaultValue = "direction", paramLabel = "NAME", description = "the model's name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--version", paramLabel = "VERSION", description = "the version to check (default: the active one)")
    String version;

    @Option(names = "--alpha", defaultValue = "0.01", paramLabel = "P", description = "significance over all features tested (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--min-effect", defaultValue = "0.1", paramLabel = "D",
            description = "the smallest KS distance that counts as drift, whatever the p-value (default: ${DEFAULT-VALUE})")
    double minEffect;

    @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "FRACTION",
            description = "how much worse than at training the recent Brier score may be (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws IOException {
        RegistryFile file = registry.read();
        String v = version != null ? version : file.active().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no version of " + name + " is active in " + registry.dir() + ": name one with --version");
        }
        RegistryFile.Entry entry = file.models().stream().filter(e -> e.tag().equals(name + "@" + v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + name + "@" + v + " is registered in " + registry.dir()));
        ModelBundle.Loaded loaded = ModelBundle.load(registry.dir().resolve(entry.path()));
        if (loaded.card().reference() == null) {
            throw new IllegalArgumentException(loaded.card().tag() + " was registered without the feature quantiles a drift check needs: train it again");
        }
        FeatureFrame all = FeatureFrame.compute(TrainingData.load(data, null, out));
        long fromMs = from == null ? Long.MIN_VALUE : TimeBound.parse("--from", from).toEpochMilli();
        DriftCheck.Report report = DriftCheck.run(loaded.card(), loaded.card().reference(), loaded.model(), all, fromMs, alpha, minEffect, tolerance);
        out.printf(Locale.ROOT, "%s against %,d recent rows (trained on %,d):%n", loaded.card().tag(), report.rows(), loaded.card().reference().rows());
        out.printf("%-18s %8s %10s  %s%n", "feature", "KS D", "p-value", "");
        for (DriftCheck.FeatureDrift f : report.features()) {
            out.printf(Locale.ROOT, "%-18s %8.4f %10.3g  %s%n", f.feature(), f.d(), f.pValue(), f.drifted() ? "DRIFTED" : "");
        }
        if (report.performance() != null) {
            DriftCheck.Performance p = report.performance();
            out.printf(Locale.ROOT, "Brier on %,d recent rows with a known outcome: %.4f (at training, out of sample: %.4f; a constant forecast: %.4f)%n",
                    p.rows(), p.brier(), p.trainedBrier(), p.baselineBrier());
        }
        out.println(report.retrain() ? "retraining recommended: " + String.join("; ", report.reasons()) : "no retraining needed");
        return report.retrain() ? 1 : 0;
    }

}
