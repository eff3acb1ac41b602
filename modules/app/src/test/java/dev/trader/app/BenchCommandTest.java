package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bin/trader bench backtest} runs R1 on the files it is given and reports the machine, the data and bars/second (no timing is asserted). */
class BenchCommandTest {
    private static final Path BTC = Path.of("..", "..", "src-shared", "test-data", "engine", "BTC_USDT-1m_20230316-first720.json.gz");
    private static final Path ETH = Path.of("..", "..", "src-shared", "test-data", "engine", "ETH_USDT-1m_20230316-first720.json.gz");

    @Test
    void benchBacktestReportsThroughputMachineAndData() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("bench", "backtest", "--data", BTC + "," + ETH, "--warmup", "1", "--warmup-seconds", "0", "--runs", "2");
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("machine: "), text);
        assertTrue(text.contains("cores"), text);
        assertTrue(text.contains("1,440 bars"), text);
        assertTrue(text.contains("run  2: "), text);
        assertTrue(text.matches("(?s).*result: [\\d,]+ bars/s median.*"), text);
    }

    @Test
    void benchPipelineFeedsEveryBarThroughANodeAndReportsThroughputLatencyAndEvents() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new TraderCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("bench", "pipeline", "--data", BTC + "," + ETH, "--days", "1", "--copies", "2");
        String text = out.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("2 cop(ies) per symbol: 2,880 bars"), "720 bars of each file, as binance:SYMBOL and copy2:SYMBOL: " + text);
        assertTrue(text.contains("feeding 2,880 bars of 4 instruments"), text);
        assertTrue(text.matches("(?s).*result: 2,880 bars in [\\d.]+ s = [\\d,]+ bars/s through the pipeline; [\\d,]+ events persisted.*"), text);
        assertTrue(text.contains("latency, bar to outcome (every bar): n=2,880 p50="), text);
        long events = Long.parseLong(text.replaceAll("(?s).*through the pipeline; ([\\d,]+) events persisted.*", "$1").replace(",", ""));
        assertTrue(events > 2 * 2_880, "each bar is at least an instrument and a strategy event: " + events);
    }
}
