package dev.trader.ml.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.trader.ml.calibration.BinaryCalibrator;
import dev.trader.ml.calibration.CalibrationMethod;
import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.model.DirectionModel;
import dev.trader.ml.model.ModelKind;
import dev.trader.ml.model.Training;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A model on disk: a folder with the serialized model (Tribuo's {@code model.tribuo} or the
 * LSTM's {@code model.dl4j}, as {@link ModelKind#fileName()} names it) and its
 * {@link ModelCard} ({@code card.json}). Loading checks that the weights are the ones the card
 * names (their fingerprint), so a swapped or corrupted file is refused, never traded on.
 */
public final class ModelBundle {
    public static final String CARD_FILE = "card.json";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ModelBundle() {
    }

    /** A loaded model: its card and its calibrated probabilities. */
    public record Loaded(ModelCard card, ClassCalibration model) {
    }

    public static void save(Path dir, ModelCard card, DirectionModel classifier) throws IOException {
        Files.createDirectories(dir);
        String modelName = classifier.kind().fileName();
        Path model = Files.createTempFile(dir, modelName, ".tmp");
        Path cardFile = Files.createTempFile(dir, CARD_FILE, ".tmp");
        try {
            classifier.save(model);
            JSON.writeValue(cardFile.toFile(), card);
            Files.move(model, dir.resolve(modelName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(cardFile, dir.resolve(CARD_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(model);
            Files.deleteIfExists(cardFile);
        }
    }

    /** The card alone, without reading the model: what the registry compares and reports. */
    public static ModelCard card(Path dir) throws IOException {
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile)) {
            throw new IOException(dir + " is not a model folder: it needs " + CARD_FILE + " beside its model");
        }
        try {
            return JSON.readValue(cardFile.toFile(), ModelCard.class);
        } catch (IOException e) {
            throw new IOException(cardFile + " is not a readable model card: " + e.getMessage(), e);
        }
    }

    public static Loaded load(Path dir) throws IOException {
        ModelCard card = card(dir);
        ModelKind kind;
        try {
            kind = ModelKind.parse(card.kind());
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(CARD_FILE) + ": " + e.getMessage(), e);
        }
        Path modelFile = dir.resolve(kind.fileName());
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException(dir + " is not a model folder: it needs " + CARD_FILE + " and " + kind.fileName());
        }
        DirectionModel classifier = Training.load(kind, modelFile, card.features(), card.standardizer(), card.lookback());
        String fingerprint = classifier.fingerprint();
        if (!fingerprint.equals(card.fingerprint())) {
            throw new IOException(modelFile + " is not the model its card describes (fingerprint " + fingerprint.substring(0, 12)
                    + ", card " + String.valueOf(card.fingerprint()).substring(0, Math.min(12, String.valueOf(card.fingerprint()).length())) + ")");
        }
        CalibrationMethod method = CalibrationMethod.parse(card.calibration());
        BinaryCalibrator[] perClass = new BinaryCalibrator[card.calibrators().size()];
        for (int k = 0; k < perClass.length; k++) {
            perClass[k] = card.calibrators().get(k).toCalibrator(method);
        }
        return new Loaded(card, ClassCalibration.of(classifier, method, perClass));
    }
}
