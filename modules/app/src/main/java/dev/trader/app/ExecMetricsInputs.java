package dev.trader.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code exec-metrics} measures. Without any file option: the real data set when it is
 * present ({@code ../shared/data}: the tardis quotes and trades, the raw Binance frame recordings,
 * the spot and futures 1m candles), else what every clone has (the tick slices in
 * {@code src-shared/test-data/ticks}, the demo's 1m candles in {@code sample-data}).
 */
record ExecMetricsInputs(List<Path> quotes, List<Path> trades, List<Path> frames, List<Path> bars) {
    ExecMetricsInputs {
        quotes = List.copyOf(quotes);
        trades = List.copyOf(trades);
        frames = List.copyOf(frames);
        bars = List.copyOf(bars);
    }

    boolean isEmpty() {
        return quotes.isEmpty() && trades.isEmpty() && frames.isEmpty() && bars.isEmpty();
    }

    /** Whether the real data set is at {@code shared} (it has its {@code ticks} folder). */
    static boolean isSharedData(Path shared) {
        return Files.isDirectory(shared.resolve("ticks"));
    }

    /** The real data set: tardis quotes and trades, the frame recordings, the spot and futures 1m candles. */
    static ExecMetricsInputs shared(Path shared) {
        Path ticks = shared.resolve("ticks");
        List<Path> bars = new ArrayList<>(glob(shared.resolve("binance-spot-1m"), "*-1m_*.json.gz"));
        bars.addAll(glob(shared.resolve("binance-futures-1m"), "*-1m-*.csv.gz"));
        return new ExecMetricsInputs(glob(ticks, "tardis_*_quotes_*.csv.gz"), glob(ticks, "tardis_*_trades_*.csv.gz"), glob(ticks, "*.jsonl.gz"), bars);
    }

    /** What every clone has, under the project folder {@code root}: the tick slices and the demo's candles. */
    static ExecMetricsInputs bundled(Path root) {
        Path ticks = root.resolve("src-shared/test-data/ticks");
        return new ExecMetricsInputs(glob(ticks, "tardis_*_quotes_*.csv.gz"), glob(ticks, "tardis_*_trades_*.csv.gz"), glob(ticks, "*.jsonl.gz"),
                glob(root.resolve("sample-data"), "*-1m_*.json.gz"));
    }

    /** The files of {@code dir} matching {@code pattern}, sorted by name (so a run reads them in the same order everywhere); none when the folder is missing. */
    private static List<Path> glob(Path dir, String pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, pattern)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
