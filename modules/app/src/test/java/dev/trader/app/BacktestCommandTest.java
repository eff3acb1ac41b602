package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/trader backtest} with the shipped R1 strategy file on the bundled real sample writes
 * trades.csv, equity.csv, summary.json (with the metrics) and report.html with the documented
 * columns and counts, and shows its progress on stderr.
 */
class BacktestCommandTest {
    private static final Path R1 = Path.of("..", "..", "conf", "strategies", "r1.conf");
    private static final Path BTC = Path.of("..", "..", "sample-data", "BTC_USDT-1m_20230317-20230324.json.gz");
    private static final Path ETH = Path.of("..", "..", "sample-data", "ETH_USDT-1m_20230317-20230324.json.gz");

    @TempDir
    Path dir;

    @Test
    void backtestOfR1OnTheBundledSampleWritesTheFourFiles() throws Exception {
        Path out = dir.resolve("r1");
        StringWriter stdout = new StringWriter();
        int code = run(stdout, "backtest", "--strategy", R1.toString(), "--data", BTC + "," + ETH, "--out", out.toString());
        assertEquals(0, code, stdout::toString);

        List<String> trades = Files.readAllLines(out.resolve("trades.csv"), StandardCharsets.UTF_8);
        assertEquals("open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees,fees,instrument,exit_reason,initial_stop,slippage",
                trades.get(0));
        assertEquals(1 + 186 + 188, trades.size(), "R1's round trips on the BTC and the ETH week");
        assertTrue(trades.get(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z,.*,1,.*"), trades.get(1));

        List<String> equity = Files.readAllLines(out.resolve("equity.csv"), StandardCharsets.UTF_8);
        assertEquals("time,cash,equity,drawdown", equity.get(0));
        assertEquals(1 + 10_080, equity.size(), "one row per minute");

        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"strategy\": \"r1\""), summary);
        assertTrue(summary.contains("\"trades\": 374"), summary);
        assertTrue(summary.contains("\"net_pnl\": -8117.8748341"), summary);
        assertTrue(summary.contains("\"sharpe\": "), summary);
        assertTrue(summary.contains("\"hit_rate_by_session\": {"), summary);
        assertTrue(summary.contains("\"r_trades\": 374"), "every R1 trade has its stop: " + summary);
        assertTrue(stdout.toString().contains("374 round trips"), stdout::toString);
        assertTrue(stdout.toString().contains("Sharpe"), stdout::toString);

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg class=\"chart\""), "charts in the report");
        assertFalse(html.contains("http:") || html.contains("https:"), "the report loads nothing from the network");
    }

    @Test
    void progressGoesToStderrInTenths() throws Exception {
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(stderr));
        assertEquals(0, cmd.execute("backtest", "--strategy", R1.toString(), "--data", BTC.toString(), "--out", dir.resolve("p").toString()));
        List<String> lines = stderr.toString().lines().filter(l -> l.startsWith("backtest: ")).toList();
        assertEquals(10, lines.size(), stderr::toString);
        assertEquals("backtest: 10% (1,008 of 10,080 bars)", lines.get(0));
        assertEquals("backtest: 50% (5,040 of 10,080 bars)", lines.get(4));
        assertEquals("backtest: 100% (10,080 of 10,080 bars)", lines.get(9));
    }

    @Test
    void theSameCommandTwiceWritesByteIdenticalFiles() throws Exception {
        for (String run : List.of("a", "b")) {
            assertEquals(0, run(new StringWriter(), "backtest", "--strategy", R1.toString(), "--data", ETH.toString(),
                    "--max-participation", "0.05", "--slippage-bps", "1.5", "--close-at-end", "--out", dir.resolve(run).toString()));
        }
        for (String file : List.of("trades.csv", "equity.csv", "summary.json", "report.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void aStrategyFileOfUnknownTypeFailsWithItsReasonAndWritesNothing() throws Exception {
        Path bad = dir.resolve("nope.conf");
        Files.writeString(bad, "type = \"no-such-strategy\"\nparameters {}\n");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setOut(new PrintWriter(stdout));
        cmd.setErr(new PrintWriter(stderr));
        int code = cmd.execute("backtest", "--strategy", bad.toString(), "--data", BTC.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, code);
        assertTrue(stderr.toString().contains("unknown type 'no-such-strategy'"), stderr::toString);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static int run(StringWriter stdout, String... args) {
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setOut(new PrintWriter(stdout));
        cmd.setErr(new PrintWriter(new StringWriter())); // the note that ETH is not in r1.conf's instruments
        return cmd.execute(args);
    }
}
