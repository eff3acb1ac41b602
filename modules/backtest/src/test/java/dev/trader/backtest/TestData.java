package dev.trader.backtest;

import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where the real candle files are: the bundled sample (always) and the shared data set (when present). */
final class TestData {
    static final Path ROOT = Path.of("..", "..");
    static final Path BTC_SAMPLE = ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz");
    static final Path ETH_SAMPLE = ROOT.resolve("sample-data/ETH_USDT-1m_20230317-20230324.json.gz");
    static final Path BTC_720 = ROOT.resolve("src-shared/test-data/engine/BTC_USDT-1m_20230316-first720.json.gz");
    static final Path ETH_720 = ROOT.resolve("src-shared/test-data/engine/ETH_USDT-1m_20230316-first720.json.gz");
    static final Path SHARED_1M = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "binance-spot-1m");

    private TestData() {
    }

    static Strategy r1() {
        return StrategyCatalog.create(new StrategyId("r1"), "r1", Map.of());
    }

    /** The shared real 1m files, sorted; empty when the shared data set is absent. */
    static List<Path> shared1m() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(SHARED_1M)) {
            return files;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(SHARED_1M, "*.json.gz")) {
            s.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }
}
