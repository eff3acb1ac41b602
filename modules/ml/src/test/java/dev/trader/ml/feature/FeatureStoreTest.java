package dev.trader.ml.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.ml.SampleBars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesOncePerDataVersionAndReadsBackExactlyWithoutComputing() throws IOException {
        DataVersion version = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        FeatureStore store = new FeatureStore(dir);
        AtomicInteger computed = new AtomicInteger();
        FeatureFrame first = store.loadOrCompute(version, () -> {
            computed.incrementAndGet();
            return FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc()));
        });
        FeatureFrame second = store.loadOrCompute(version, () -> {
            computed.incrementAndGet();
            throw new AssertionError("a stored version is not computed again");
        });
        assertEquals(1, computed.get());
        assertEquals(first, second, "every value bit for bit");
        assertTrue(first.rows() > 8_000, first.toString());
        assertTrue(Files.size(store.fileFor(version)) < first.rows() * 36L * 8, "compressed below the raw doubles");
    }

    @Test
    void theVersionFollowsTheDataAndTheFeatureCode() throws IOException {
        DataVersion btc = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        assertEquals(btc.id(), DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE)).id());
        assertNotEquals(btc.id(), DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.ETH_FILE)).id());
        assertNotEquals(btc.id(), DataVersion.of("features-v0", List.of(SampleBars.BTC_FILE)).id());
        assertNotEquals(btc.id(), DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE), java.time.Instant.parse("2023-03-21T00:00:00Z")).id(),
                "a cut of the data is other data");
        Path copy = dir.resolve(SampleBars.BTC_FILE.getFileName());
        Files.copy(SampleBars.BTC_FILE, copy);
        assertEquals(btc.id(), DataVersion.of(FeatureNames.CODE_VERSION, List.of(copy)).id(), "the same bytes elsewhere are the same data");
        Files.write(copy, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(btc.id(), DataVersion.of(FeatureNames.CODE_VERSION, List.of(copy)).id(), "one byte more is other data");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedByName() throws IOException {
        DataVersion version = DataVersion.of(FeatureNames.CODE_VERSION, List.of(SampleBars.BTC_FILE));
        FeatureFrame frame = FeatureFrame.compute(Map.of(SampleBars.BTC, SampleBars.btc().subList(0, 2_000)));
        Path file = dir.resolve("f.cols.gz");
        FeatureStore.write(file, version, frame);

        DataVersion other = new DataVersion("features-v0", version.files(), null);
        IOException wrongVersion = assertThrows(IOException.class, () -> FeatureStore.read(file, other));
        assertTrue(wrongVersion.getMessage().contains("not " + other.id()), wrongVersion.getMessage());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.cols.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> FeatureStore.read(cut, version));
        assertTrue(truncated.getMessage().startsWith(cut.toString()), truncated.getMessage());

        Path foreign = dir.resolve("foreign.cols.gz");
        Files.writeString(foreign, "open,high,low,close\n");
        IOException notGzip = assertThrows(IOException.class, () -> FeatureStore.read(foreign, version));
        assertTrue(notGzip.getMessage().contains("not a gzipped feature file"), notGzip.getMessage());
    }
}
