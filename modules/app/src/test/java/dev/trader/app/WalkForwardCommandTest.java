package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trader walk-forward} on the bundled week: the windows' ranges in the files follow the
 * plan (the test of a window starts where its training, or validation, ends; tests tile the
 * data), in-sample next to out-of-sample, and the help documents the flags.
 */
class WalkForwardCommandTest {
    @TempDir
    Path dir;

    @Test
    void rollingWalkForwardOfR1WritesOneRowPerWindow() throws Exception {
        Path out = dir.resolve("wf");
        CliRun run = CliRun.of("walk-forward", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--param", "fast=5,8,12",
                "--param", "slow=20,26,35", "--train", "2d", "--test", "1d", "--metric", "sharpe", "--out", out.toString());
        assertEquals(0, run.code(), run::toString);
        List<String> rows = Files.readAllLines(out.resolve("walk-forward.csv"), StandardCharsets.UTF_8);
        assertTrue(rows.get(0).startsWith("window,train_start,train_end,validate_start,validate_end,test_start,test_end,fast,slow,is_sharpe,"
                + "validation_sharpe,oos_sharpe,"), rows.get(0));
        assertEquals(1 + 5, rows.size(), "tests on the 3rd to the 7th day");
        Instant previousTestEnd = null;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            Instant trainStart = Instant.parse(f[1]);
            Instant trainEnd = Instant.parse(f[2]);
            Instant testStart = Instant.parse(f[5]);
            Instant testEnd = Instant.parse(f[6]);
            assertEquals(trainEnd, testStart, row);
            assertEquals(trainStart.plusSeconds(2 * 86_400), trainEnd, "rolling: two days of training");
            assertEquals(testStart.plusSeconds(86_400), testEnd);
            if (previousTestEnd != null) {
                assertEquals(previousTestEnd, testStart, "the tests tile the data");
            }
            previousTestEnd = testEnd;
        }
        assertEquals(Instant.parse("2023-03-24T00:00:00Z"), previousTestEnd);
        assertEquals(1 + 5 * 9, Files.readAllLines(out.resolve("walk-forward-train.csv")).size(), "nine parameter sets per training range");
        String html = Files.readString(out.resolve("walk-forward.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("in sample") && html.contains("out of sample") && html.contains("<svg class=\"chart\""), "chart and table");
        assertFalse(html.contains("http:") || html.contains("https:"));
        assertTrue(Files.readString(out.resolve("walk-forward.json")).contains("\"mode\": \"rolling\""));
        assertTrue(run.out().contains("window 5: train 2023-03-21T00:00:00Z..2023-03-23T00:00:00Z, test 2023-03-23T00:00:00Z..2023-03-24T00:00:00Z"),
                run::toString);
        assertTrue(run.err().contains("walk-forward: 100% (5 of 5 windows)"), run::toString);
    }

    @Test
    void anchoredWithValidationKeepsTheThreeRangesInOrder() throws Exception {
        Path out = dir.resolve("a");
        CliRun run = CliRun.of("walk-forward", "--strategy", CliRun.R1.toString(), "--data", CliRun.ETH.toString(), "--param", "fast=5,12",
                "--param", "slow=26", "--train", "2d", "--validate", "12h", "--test", "1d", "--anchored", "--shortlist", "2", "--out", out.toString());
        assertEquals(0, run.code(), run::toString);
        List<String> rows = Files.readAllLines(out.resolve("walk-forward.csv"));
        assertEquals(1 + 4, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals("2023-03-17T00:00:00Z", f[1], "anchored at the start of the data");
            assertEquals(f[2], f[3], "validation starts where training ends");
            assertEquals(Instant.parse(f[3]).plusSeconds(12 * 3600), Instant.parse(f[4]));
            assertEquals(f[4], f[5], "the test starts where validation ends");
            assertFalse(f[10].isEmpty(), "a validation score: " + row);
        }
    }

    @Test
    void tooLittleDataOrABadDurationFailsWithTheReason() {
        CliRun short1 = CliRun.of("walk-forward", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--train", "7d", "--test",
                "1d", "--out", dir.resolve("x").toString());
        assertEquals(2, short1.code());
        assertTrue(short1.err().contains("too short"), short1::toString);
        CliRun bad = CliRun.of("walk-forward", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--train", "two days", "--test",
                "1d", "--out", dir.resolve("y").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'two days' is not a duration"), bad::toString);
    }

    @Test
    void helpDocumentsTheFlags() {
        CliRun help = CliRun.of("walk-forward", "--help");
        assertEquals(0, help.code());
        for (String flag : List.of("--strategy", "--data", "--param", "--train", "--validate", "--test", "--anchored", "--metric", "--shortlist",
                "--threads", "--out", "--fee", "--slippage-bps")) {
            assertTrue(help.out().contains(flag), flag + " in\n" + help.out());
        }
        CliRun top = CliRun.of("--help");
        assertTrue(top.out().contains("sweep") && top.out().contains("walk-forward"), top.out());
    }
}
