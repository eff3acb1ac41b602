package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/trader exec-metrics} on the bundled real slices writes the dated file and the latest
 * pointer and prints what it read and the figures; {@code backtest --exec-metrics} then charges
 * them; bad input is refused with the file and the line.
 */
class ExecMetricsCommandTest {
    private static final Path TICKS = Path.of("..", "..", "src-shared", "test-data", "ticks");
    private static final Path QUOTES = TICKS.resolve("tardis_binance-futures_BTCUSDT_quotes_20200222-first3000.csv.gz");
    private static final Path TRADES = TICKS.resolve("tardis_binance-futures_BTCUSDT_trades_20200222.csv.gz");
    private static final Path SPOT = TICKS.resolve("spot_btcusdt_20240808-first3000.jsonl.gz");
    private static final Path USDM = TICKS.resolve("usdm_btcusdt_20240808-first3000.jsonl.gz");
    private static final Path FIL = Path.of("..", "..", "src-shared", "test-data", "market", "FILUSDT-1m-2023-08-first300.csv.gz");

    @TempDir
    Path dir;

    @Test
    void measuresTheSlicesWritesTheDatedFileAndTheBacktestChargesIt() throws IOException {
        Path out = dir.resolve("data");
        CliRun run = CliRun.of("exec-metrics", "--out", out.toString(), "--date", "2024-08-09", "--quotes", QUOTES.toString(), "--trades",
                TRADES.toString(), "--frames", SPOT + "," + USDM, "--bars", CliRun.BTC.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("read quotes tardis_binance-futures_BTCUSDT_quotes_20200222-first3000.csv.gz: 3,000 rows, 3,000 used, sha256 "),
                run::toString);
        assertTrue(run.out().contains("read bars   BTC_USDT-1m_20230317-20230324.json.gz: 10,080 rows, 10,079 used"), run::toString);
        assertTrue(run.out().matches("(?s).*binance:BTCUSDT +london +spread -  +slippage bar-gap +n= +\\d.*taker cost \\d.*"), run::toString);
        assertTrue(run.out().contains("note: binance:BTCUSDT: slippage by bar-gap in every session; taker-sweep had "), run::toString);
        Path file = out.resolve("execution_metrics_2024-08-09.json");
        assertTrue(run.out().contains("wrote " + file + " (version 1, created 2024-08-09)"), run::toString);
        assertEquals("execution_metrics_2024-08-09.json\n", Files.readString(out.resolve("execution_metrics_latest.txt")));
        ExecutionMetrics m = ExecutionMetricsFiles.load(out.toString());
        assertEquals(5, m.sources().size());
        assertEquals(java.util.Set.of("binance:BTCUSDT", "binance-futures:BTCUSDT"), m.symbols().keySet());

        CliRun plain = CliRun.of("backtest", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--out", dir.resolve("a").toString());
        CliRun measured = CliRun.of("backtest", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--out", dir.resolve("b").toString(),
                "--exec-metrics", out.toString());
        assertEquals(0, plain.code(), plain::toString);
        assertEquals(0, measured.code(), measured::toString);
        assertTrue(measured.out().contains("execution costs from " + file + " (created 2024-08-09, the mean)"), measured::toString);
        assertTrue(measured.out().matches("(?s).*  binance:BTCUSDT +asia \\d+\\.\\d+ london \\d+\\.\\d+ new_york \\d+\\.\\d+ outside \\d+\\.\\d+\n.*"),
                measured::toString);
        assertNotEquals(Files.readString(dir.resolve("a/trades.csv")), Files.readString(dir.resolve("b/trades.csv")), "the fills pay the measured costs");

        CliRun both = CliRun.of("backtest", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--out", dir.resolve("c").toString(),
                "--exec-metrics", file.toString(), "--spread-bps", "2");
        assertEquals(2, both.code(), both::toString);
        assertTrue(both.err().contains("--exec-metrics replaces --slippage-bps and --spread-bps"), both::toString);
    }

    @Test
    void aBacktestOfAnInstrumentTheFileDoesNotHaveIsRefused() {
        Path out = dir.resolve("fil");
        assertEquals(0, CliRun.of("exec-metrics", "--out", out.toString(), "--date", "2023-08-02", "--bars", FIL.toString()).code());
        CliRun run = CliRun.of("backtest", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--out", dir.resolve("x").toString(),
                "--exec-metrics", out.resolve("execution_metrics_2023-08-02.json").toString());
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("the execution metrics have no figures for binance:BTCUSDT (they have binance:FILUSDT)"), run::toString);
    }

    @Test
    void aMalformedInputFileIsRefusedNamingFileAndLine() throws IOException {
        Path bad = dir.resolve("tardis_binance-futures_BTCUSDT_quotes_bad.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(bad))) {
            o.write(("exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount\n"
                    + "binance-futures,BTCUSDT,1582329601096000,1582329603502092,0.84,9682,9681.92,0.67\n"
                    + "binance-futures,BTCUSDT,1582329603401000,1582329603522418,0.84,9682,9681.83\n").getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("data");
        CliRun run = CliRun.of("exec-metrics", "--out", out.toString(), "--quotes", bad.toString());
        assertEquals(2, run.code(), run::toString);
        assertEquals("trader exec-metrics: " + bad + " line 3: 8 columns expected but found 7\n", run.err());
        assertTrue(!Files.exists(out.resolve(ExecutionMetricsFiles.LATEST)), "nothing written");
    }

    @Test
    void withoutFilesOrTheDataSetItReadsTheBundledSlices() {
        Path out = dir.resolve("data");
        CliRun run = CliRun.of("exec-metrics", "--out", out.toString(), "--date", "2024-08-09", "--shared-data", dir.resolve("none").toString(),
                "--project-root", Path.of("..", "..").toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("no files named and no data set in " + dir.resolve("none")), run::toString);
        for (String name : new String[] {"tardis_binance-futures_BTCUSDT_quotes_20200222-first3000.csv.gz", "tardis_binance-futures_BTCUSDT_trades_20200222.csv.gz",
                "spot_btcusdt_20240808-first3000.jsonl.gz", "usdm_btcusdt_20240808-first3000.jsonl.gz", "BTC_USDT-1m_20230317-20230324.json.gz",
                "ETH_USDT-1m_20230317-20230324.json.gz"}) {
            assertTrue(run.out().contains(" " + name + ": "), name + "\n" + run);
        }
        assertTrue(Files.isRegularFile(out.resolve("execution_metrics_2024-08-09.json")));
    }
}
