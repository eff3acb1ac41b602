package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trader sweep} on the bundled sample: the table in grid order, the heatmap page, the same files on 1 and on 3 threads. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void sweepOfR1WritesTheTableAndTheHeatmap() throws Exception {
        Path out = dir.resolve("s");
        CliRun run = CliRun.of("sweep", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--param", "fast=5,8,12",
                "--param", "slow=20,26", "--metric", "net_pnl", "--out", out.toString());
        assertEquals(0, run.code(), run::toString);
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + 6, csv.size());
        assertTrue(csv.get(0).startsWith("fast,slow,status,trades,wins,win_rate,net_pnl,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("5,20,ok,"), csv.get(1));
        assertTrue(csv.get(6).startsWith("12,26,ok,"), csv.get(6));
        String html = Files.readString(out.resolve("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("net_pnl by fast × slow"), "the heatmap's title");
        assertEquals(6, html.split("<rect x=\"\\d+\" y=\"\\d+\" width=\"\\d+\" height=\"29\"", -1).length - 1, "one cell per parameter set");
        assertFalse(html.contains("http:") || html.contains("https:"));
        assertTrue(run.out().contains("best by net_pnl: fast="), run::toString);
        assertTrue(run.err().contains("sweep: 100% (6 of 6 runs)"), run::toString);
    }

    @Test
    void oneThreadAndThreeThreadsWriteTheSameFiles() throws Exception {
        for (String threads : List.of("1", "3")) {
            CliRun run = CliRun.of("sweep", "--strategy", CliRun.R1.toString(), "--data", CliRun.ETH.toString(), "--param", "fast=5..11/3",
                    "--param", "slow=26", "--param", "stop-atr=1.5,3", "--threads", threads, "--out", dir.resolve(threads).toString());
            assertEquals(0, run.code(), run::toString);
        }
        for (String f : List.of("sweep.csv", "sweep.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("1").resolve(f)), Files.readAllBytes(dir.resolve("3").resolve(f)), f);
        }
        assertEquals(1 + 3 * 2, Files.readAllLines(dir.resolve("1").resolve("sweep.csv")).size(), "fast 5, 8, 11 × stop-atr 1.5, 3");
    }

    @Test
    void aNestedParameterOfTheStrategyFileCanBeSwept() throws Exception {
        CliRun run = CliRun.of("sweep", "--strategy", CliRun.EMA_CROSS.toString(), "--data", CliRun.BTC.toString(), "--param", "gate.adx-min=15,25",
                "--out", dir.resolve("g").toString());
        assertEquals(0, run.code(), run::toString);
        List<String> csv = Files.readAllLines(dir.resolve("g").resolve("sweep.csv"));
        assertTrue(csv.get(1).startsWith("15,ok,") && csv.get(2).startsWith("25,ok,"), csv::toString);
    }

    @Test
    void anUnknownMetricIsRejectedWithTheKnownOnes() {
        CliRun run = CliRun.of("sweep", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--param", "fast=5", "--metric", "luck",
                "--out", dir.resolve("x").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown metric 'luck'") && run.err().contains("sharpe"), run::toString);
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
