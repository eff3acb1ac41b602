package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dated files, the latest pointer, and the strict reading of the JSON. */
class ExecMetricsFilesTest {
    @TempDir
    Path dir;

    @Test
    void eachComputationIsADatedFileAndLatestNamesTheNewest() throws IOException {
        assertEquals("execution_metrics_2024-08-09.json", ExecutionMetricsFiles.fileName(LocalDate.parse("2024-08-09")));
        ExecutionMetrics first = MetricsFixture.twoSymbols("2024-08-09");
        Path one = ExecutionMetricsFiles.write(dir, first);
        assertEquals(dir.resolve("execution_metrics_2024-08-09.json"), one);
        assertEquals("execution_metrics_2024-08-09.json\n", Files.readString(dir.resolve("execution_metrics_latest.txt")));
        assertEquals(one, ExecutionMetricsFiles.latest(dir));
        assertEquals(first, ExecutionMetricsFiles.load(dir.toString()), "a folder means its latest; what was written reads back equal");

        ExecutionMetrics second = MetricsFixture.twoSymbols("2024-08-10");
        Path two = ExecutionMetricsFiles.write(dir, second);
        assertEquals("execution_metrics_2024-08-10.json\n", Files.readString(dir.resolve("execution_metrics_latest.txt")));
        assertEquals(second, ExecutionMetricsFiles.load(dir.toString()));
        assertEquals(first, ExecutionMetricsFiles.load(one.toString()), "older files stay, to rerun a past backtest with its costs");
        assertEquals(two, ExecutionMetricsFiles.resolve(dir.toString()));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "two dated files and the pointer, no temporary files left");
        }
    }

    @Test
    void theFileIsExactDecimalStringsInAFixedOrder() throws IOException {
        ExecutionMetrics m = MetricsFixture.twoSymbols("2024-08-09");
        String text = ExecutionMetricsJson.write(m);
        assertEquals(text, ExecutionMetricsJson.write(ExecutionMetricsJson.parse(text, "x")), "the same figures, the same bytes");
        assertTrue(text.startsWith("{\n  \"version\": 1,\n  \"created\": \"2024-08-09\",\n  \"definitions\": {"), text);
        assertTrue(text.contains("\"slippage_bps\": {\n          \"n\": 1000,\n          \"mean\": \"2\",\n          \"p50\": \"0.5\","
                + "\n          \"p90\": \"5\",\n          \"method\": \"bar-gap\"\n        }"), text);
        assertTrue(text.contains("\"spread_bps\": {\n          \"n\": 0,\n          \"mean\": null,\n          \"p50\": null,\n          \"p90\": null,"
                + "\n          \"method\": null\n        }"), text);
        assertTrue(text.indexOf("\"binance:BTCUSDT\"") < text.indexOf("\"binance:ETHUSDT\""), "symbols sorted");
        assertTrue(text.contains("\"sha256\": \"" + MetricsFixture.SHA + "\",\n      \"rows\": 10,\n      \"rows_used\": 9"), text);
    }

    @Test
    void aFileNamedForAnotherDayOrAPointerToNothingIsRefused() throws IOException {
        Path real = ExecutionMetricsFiles.write(dir, MetricsFixture.twoSymbols("2024-08-09"));
        Path renamed = dir.resolve("execution_metrics_2024-08-11.json");
        Files.copy(real, renamed);
        assertEquals(renamed + ": named for 2024-08-11 but created 2024-08-09",
                assertThrows(IllegalArgumentException.class, () -> ExecutionMetricsFiles.load(renamed.toString())).getMessage());

        Files.writeString(dir.resolve(ExecutionMetricsFiles.LATEST), "execution_metrics_2024-01-01.json\n");
        assertEquals(dir.resolve(ExecutionMetricsFiles.LATEST) + " names execution_metrics_2024-01-01.json, which is not in " + dir,
                assertThrows(IllegalArgumentException.class, () -> ExecutionMetricsFiles.latest(dir)).getMessage());
        Files.writeString(dir.resolve(ExecutionMetricsFiles.LATEST), "../../etc/passwd\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExecutionMetricsFiles.latest(dir)).getMessage()
                .endsWith("must hold the name of an execution_metrics_YYYY-MM-DD.json file but holds '../../etc/passwd'"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals("no execution_metrics_latest.txt in " + empty + ": run bin/trader exec-metrics first (or name a metrics file)",
                assertThrows(IllegalArgumentException.class, () -> ExecutionMetricsFiles.latest(empty)).getMessage());
    }

    @Test
    void aMalformedMetricsFileIsRefusedNamingTheField() {
        String good = ExecutionMetricsJson.write(MetricsFixture.twoSymbols("2024-08-09"));
        assertEquals("f.json: version: unsupported version 2 (this build reads 1)", refused(good.replace("\"version\": 1", "\"version\": 2")));
        assertEquals("f.json: symbols.binance:BTCUSDT.asia.slippage_bps.mean: expected a string but found 2",
                refused(good.replaceFirst("\"mean\": \"2\"", "\"mean\": 2")));
        assertEquals("f.json: symbols.binance:BTCUSDT.asia.slippage_bps.p50: 'half' is not a decimal number",
                refused(good.replaceFirst("\"p50\": \"0.5\"", "\"p50\": \"half\"")));
        assertEquals("f.json: symbols.binance:BTCUSDT.asia.slippage_bps: unknown method 'guess' (expected quote-updates, taker-sweep or bar-gap)",
                refused(good.replaceFirst("\"method\": \"bar-gap\"", "\"method\": \"guess\"")));
        assertEquals("f.json: symbols.binance:BTCUSDT.asia.spread_bps.mean: must be null when n is 0",
                refused(good.replaceFirst("\"mean\": null", "\"mean\": \"1\"")));
        assertEquals("f.json: created: missing", refused(good.replace("\"created\": \"2024-08-09\",", "")));
        assertEquals("f.json: extra: unknown field", refused(good.replace("\"version\": 1,", "\"version\": 1, \"extra\": 0,")));
        assertTrue(refused("{\"version\": 1,").startsWith("f.json: not JSON: "));
    }

    private static String refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ExecutionMetricsJson.parse(text, "f.json")).getMessage();
    }
}
