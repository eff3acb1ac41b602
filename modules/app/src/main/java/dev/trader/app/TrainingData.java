package dev.trader.app;

import dev.trader.backtest.MarketDataLoader;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.marketdata.IngestReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1m candles a model trains on, read through the same validation as a backtest. Without
 * {@code --data}: the shared data set's 2023 BTC and ETH files when {@code ../shared/data} is
 * there (six weeks), else the project's sample week.
 */
final class TrainingData {
    static final Path SHARED = Path.of("..", "shared", "data", "binance-spot-1m");
    static final List<String> SHARED_FILES = List.of("BTC_USDT-1m_20230316-20230501.json.gz", "ETH_USDT-1m_20230316-20230501.json.gz");
    static final List<Path> SAMPLE = List.of(Path.of("sample-data", "BTC_USDT-1m_20230317-20230324.json.gz"),
            Path.of("sample-data", "ETH_USDT-1m_20230317-20230324.json.gz"));

    private TrainingData() {
    }

    static List<Path> defaultFiles() {
        List<Path> shared = SHARED_FILES.stream().map(SHARED::resolve).toList();
        return shared.stream().allMatch(Files::isRegularFile) ? shared : SAMPLE;
    }

    /**
     * Every file's accepted bars by instrument, in time order, those closing after {@code until}
     * (when given) left out; the rejected rows are reported, not trained on.
     */
    static Map<InstrumentId, List<Bar>> load(List<Path> files, java.time.Instant until, PrintWriter out) throws IOException {
        Map<InstrumentId, List<Bar>> byInstrument = new LinkedHashMap<>();
        for (Path file : files) {
            List<Bar> bars = new ArrayList<>();
            IngestReport report = MarketDataLoader.read(file, bars);
            out.printf("data: %s: %s%n", file, report);
            for (Bar b : bars) {
                if (until != null && b.closeTime().isAfter(until)) {
                    continue;
                }
                byInstrument.computeIfAbsent(b.instrument(), k -> new ArrayList<>()).add(b);
            }
        }
        byInstrument.values().forEach(list -> list.sort(Comparator.comparing(Bar::openTime)));
        return byInstrument;
    }
}
