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
}
