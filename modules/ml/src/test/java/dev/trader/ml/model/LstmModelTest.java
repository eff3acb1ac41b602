package dev.trader.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.ml.SampleBars;
import dev.trader.ml.feature.FeatureExtractor;
import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.RecentFeatures;
import dev.trader.ml.label.DirectionLabeler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LSTM on the real BTC week, with ten minutes cut out of it (a gap the sequences must not
 * span): seeded training gives the same weights, a stored network answers as it did, and a running
 * strategy's recent rows give the answers training scored.
 */
class LstmModelTest {
    private static List<Bar> bars;
    private static FeatureFrame frame;
    private static int[] labels;
    private static int[] trainRows;
    private static DirectionModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        List<Bar> all = SampleBars.btc();
        bars = new ArrayList<>(all.subList(0, 6_000));
        bars.addAll(all.subList(6_010, all.size()));
        frame = FeatureFrame.compute(Map.of(SampleBars.BTC, bars));
        labels = new DirectionLabeler(Duration.ofMinutes(15), 10).label(frame.instrument(), frame.closeTimeMs(), frame.close());
        trainRows = labelled(0, frame.rows() / 2);
        model = Training.train(ModelKind.LSTM, 7, frame, labels, trainRows, "test");
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        assertEquals(ModelKind.LSTM, model.kind());
        assertEquals(LstmRecipe.DEFAULT.lookback(), model.lookback());
        assertEquals(model.fingerprint(), Training.train(ModelKind.LSTM, 7, frame, labels, trainRows, "again").fingerprint());
        assertNotEquals(model.fingerprint(), Training.train(ModelKind.LSTM, 8, frame, labels, trainRows, "other").fingerprint());
    }

    @Test
    void itLearnedSomethingAndAnswersWithProbabilities() {
        int[] test = labelled(frame.rows() / 2, frame.rows());
        double[][] p = model.probabilities(frame, test);
        double spread = 0;
        for (double[] row : p) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-6);
            spread = Math.max(spread, row[2] - row[0]);
        }
        assertTrue(spread > 0.05, "the answers depend on the features: largest P(UP) - P(DOWN) " + spread);
    }

    @Test
    void itsPlainJavaForwardPassComputesWhatTheNetworkDoes() {
        int[] rows = labelled(frame.rows() - 600, frame.rows());
        dev.trader.ml.feature.FrameHistory history = dev.trader.ml.feature.FrameHistory.of(frame);
        dev.trader.ml.feature.FeatureHistory[] histories = IntStream.of(rows).mapToObj(history::at).toArray(dev.trader.ml.feature.FeatureHistory[]::new);
        double[][] network = ((LstmClassifier) model).networkProbabilities(histories);
        double[][] ours = model.probabilities(frame, rows);
        for (int j = 0; j < rows.length; j++) {
            assertArrayEquals(network[j], ours[j], 2e-5, "row " + rows[j] + ": Deeplearning4j computes in float, the forward pass in double");
        }
    }

    @Test
    void aStoredNetworkAnswersAsItDidAndAGarbageFileIsRefused() throws IOException {
        Path file = dir.resolve(ModelKind.LSTM.fileName());
        model.save(file);
        DirectionModel loaded = Training.load(ModelKind.LSTM, file, model.featureNames(), model.standardizer(), model.lookback());
        assertEquals(model.fingerprint(), loaded.fingerprint());
        int[] some = labelled(frame.rows() - 500, frame.rows());
        assertArrayEquals(model.probabilities(frame, some), loaded.probabilities(frame, some));

        Files.writeString(file, "not a network");
        IOException e = assertThrows(IOException.class, () -> Training.load(ModelKind.LSTM, file, model.featureNames(), model.standardizer(), 16));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a readable LSTM network"), e.getMessage());
    }

    @Test
    void aRunningStrategysRecentRowsGiveTheAnswersTrainingScored() {
        int gap = IntStream.range(1, frame.rows()).filter(i -> frame.closeTimeMs()[i] - frame.closeTimeMs()[i - 1] > 60_000).findFirst().orElseThrow();
        int[] rows = IntStream.concat(IntStream.range(0, 40), IntStream.range(gap - 20, gap + 40)).toArray();
        double[][] batch = model.probabilities(frame, rows);

        FeatureExtractor features = new FeatureExtractor(SampleBars.BTC);
        RecentFeatures recent = RecentFeatures.empty();
        Map<Integer, double[]> live = new java.util.HashMap<>();
        java.util.Set<Integer> wanted = IntStream.of(rows).boxed().collect(java.util.stream.Collectors.toSet());
        int row = 0;
        for (Bar b : bars) {
            Optional<double[]> f = features.onBar(b);
            if (f.isPresent()) {
                recent.add(b.closeTime().toEpochMilli(), f.get());
                if (wanted.contains(row)) {
                    live.put(row, model.probabilities(recent));
                }
                row++;
            }
        }
        assertEquals(frame.rows(), row);
        for (int j = 0; j < rows.length; j++) {
            assertArrayEquals(batch[j], live.get(rows[j]), 1e-6, "row " + rows[j] + " (the gap is before row " + gap + ")");
        }
    }

    private static int[] labelled(int from, int to) {
        return IntStream.range(from, to).filter(i -> labels[i] >= 0).toArray();
    }
}
