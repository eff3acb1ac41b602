package dev.trader.app;

import dev.trader.backtest.research.Durations;
import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.pipeline.TrainingSpec;
import dev.trader.ml.registry.ModelCard;
import dev.trader.ml.report.TrainingReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trader train}: features, labels, walk-forward evaluation, calibration, report and registration of a direction model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a model of the direction of the price --horizon ahead on 1m candles: computes the features (or reads them "
                + "from the feature store when the data and feature code are unchanged), labels each bar UP, DOWN or FLAT (within "
                + "--band-bps), evaluates XGBoost and logistic regression (and, with --model lstm or --compare, an LSTM over the last "
                + "16 minutes of features) walk-forward (time splits with an embargo of the horizon, "
                + "Platt and isotonic calibration fitted on held-out rows, next to a class-frequency baseline), trains the final model, "
                + "and registers it in the model registry with its report (report.md, reliability.png, evaluation.json).",
                "The model is registered, not deployed: bin/trader model promote NAME@VERSION deploys it if it passed its gate "
                        + "(calibration error <= --max-ece and Brier score below the baseline's, both out of sample).",
                "Example: trader train --data ../shared/data/binance-spot-1m/BTC_USDT-1m_20230316-20230501.json.gz,"
                        + "../shared/data/binance-spot-1m/ETH_USDT-1m_20230316-20230501.json.gz"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILE",
            description = "1m candle files (default: the shared data set's 2023 BTC and ETH files if ../shared/data is there, else sample-data/)")
    List<Path> data;

    @Option(names = "--until", paramLabel = "TIME",
            description = "train only on bars that close by this UTC date or instant, keeping what follows for an out-of-sample backtest "
                    + "(default: all the data)")
    String until;

    @Option(names = "--name", defaultValue = "direction", paramLabel = "NAME", description = "the model's name in the registry (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--model", defaultValue = "xgboost", paramLabel = "KIND", description = "the model to register: xgboost, logistic or lstm (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--compare", defaultValue = "xgboost,logistic", split = ",", paramLabel = "KIND",
            description = "the models the walk-forward evaluates beside it, for the report (default: ${DEFAULT-VALUE}; add lstm to see "
                    + "the LSTM's figures next to them: it trains for minutes where the others take seconds)")
    List<String> compare;

    @Option(names = "--calibration", defaultValue = "platt", paramLabel = "METHOD", description = "platt, isotonic or none (default: ${DEFAULT-VALUE})")
    String calibration;

    @Option(names = "--horizon", defaultValue = "15m", paramLabel = "DURATION", description = "how far ahead the label looks (default: ${DEFAULT-VALUE})")
    String horizon;

    @Option(names = "--band-bps", defaultValue = "10", paramLabel = "BPS", description = "moves within this many basis points are FLAT (default: ${DEFAULT-VALUE})")
    double bandBps;

    @Option(names = "--folds", defaultValue = "4", paramLabel = "N", description = "walk-forward test windows (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "the seed: the same seed and data give the same model (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-ece", defaultValue = "0.05", paramLabel = "FRACTION", description = "the gate's largest calibration error (default: ${DEFAULT-VALUE})")
    double maxEce;

    @Option(names = "--models", defaultValue = "models", paramLabel = "DIR", description = "the model registry's folder (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--features", defaultValue = "data/features", paramLabel = "DIR", description = "the feature store's folder (default: ${DEFAULT-VALUE})")
    Path features;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TrainingSpec training = new TrainingSpec(name, ModelKind.parse(kind), compare.stream().map(ModelKind::parse).toList(),
                    CalibrationMethod.parse(calibration), Durations.parse(horizon), bandBps,
                    folds, 0.5, 0.2, seed, ConfidenceTier.Thresholds.DEFAULT, maxEce);
            List<Path> files = data == null || data.isEmpty() ? TrainingData.defaultFiles() : data;
            ModelCard card = ModelTraining.trainAndRegister(training, files, until == null ? null : TimeBound.parse("--until", until), models, features,
                    out, err);
            out.printf("registered %s (fingerprint %s); gate %s%n", card.tag(), card.fingerprint().substring(0, 16),
                    card.gate().passed() ? "passed: deploy it with bin/trader model promote " + card.tag()
                            : "NOT passed (" + String.join("; ", card.gate().reasons()) + ")");
            out.printf("report: %s%n", ModelTraining.reportDir(models, card).resolve(TrainingReport.MARKDOWN));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("trader train: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
