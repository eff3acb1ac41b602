package dev.trader.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The candle files a benchmark reads when given none: the shared data set's when it is there, else the bundled sample. */
final class BenchData {
    /** {@code $TRADER_MARKET_DATA/binance-spot-1m}, by default the workplace's shared data set. */
    static final Path SHARED = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "binance-spot-1m");

    private BenchData() {
    }

    /** The shared files matching {@code sharedGlob}, sorted; when there are none, every {@code sample-data/*.json.gz}. */
    static List<Path> defaultFiles(String sharedGlob) throws IOException {
        List<Path> files = Files.isDirectory(SHARED) ? list(SHARED, sharedGlob) : new ArrayList<>();
        if (files.isEmpty()) {
            Path sample = Path.of("sample-data");
            if (!Files.isDirectory(sample)) {
                throw new IllegalArgumentException("no data: neither " + SHARED + " nor sample-data/ (" + Path.of("").toAbsolutePath()
                        + ") exists; pass --data");
            }
            files = list(sample, "*.json.gz");
        }
        return files;
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
