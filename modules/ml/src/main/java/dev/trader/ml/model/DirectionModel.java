package dev.trader.ml.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained direction model of some {@link ModelKind}, uncalibrated: what walk-forward scores,
 * the registry stores and a strategy asks. It reads the last {@link #lookback()} feature rows
 * (1 for a tabular model), standardized by its {@link #standardizer()}.
 */
public interface DirectionModel extends ClassProbabilities {
    ModelKind kind();

    /** How many feature rows, the latest included, one answer reads. */
    int lookback();

    List<String> featureNames();

    Standardizer standardizer();

    /** The SHA-256 of what the model computes with and nothing else: two trainings with the same seed and data give the same one. */
    String fingerprint();

    /** Writes the model (not its card) to {@code file}, read back by {@link ModelKind#load}. */
    void save(Path file) throws IOException;
}
