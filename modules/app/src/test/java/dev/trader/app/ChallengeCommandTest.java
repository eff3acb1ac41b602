package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trader challenge} end to end on the bundled week: files written, rules on without breaches, rules off with, same bytes twice. */
class ChallengeCommandTest {
    private static CliRun challenge(Path out, String rules) {
        return CliRun.of("challenge", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC + "," + CliRun.ETH, "--days", "5", "--every", "1d",
                "--monte-carlo", "50", "--seed", "7", "--risk-fraction", "0.05", "--rules", rules, "--out", out.toString());
    }

    @Test
    void writesTheFilesAndShowsTheBreachTheRulesPrevent(@TempDir Path dir) throws IOException {
        CliRun on = challenge(dir.resolve("on"), "on");
        assertEquals(0, on.code(), on::toString);
        assertTrue(on.out().contains("start: 2 run(s)"), on::toString);
        String json = Files.readString(dir.resolve("on").resolve("challenge.json"));
        assertTrue(json.contains("\"kind\": \"start\"") && json.contains("\"breaches\": 0,"), json);
        assertTrue(Files.readString(dir.resolve("on").resolve("challenge.html")).contains("<table>"));
        assertEquals(1, Files.readAllLines(dir.resolve("on").resolve("breaches.csv")).size(), "rules on: only the header");
        assertEquals(1 + 2 + 50, Files.readAllLines(dir.resolve("on").resolve("runs.csv")).size());

        CliRun off = challenge(dir.resolve("off"), "off");
        assertEquals(0, off.code(), off::toString);
        assertTrue(Files.readAllLines(dir.resolve("off").resolve("breaches.csv")).size() > 1, "rules off: breaches listed");

        CliRun again = challenge(dir.resolve("off2"), "off");
        assertEquals(0, again.code(), again::toString);
        for (String f : List.of("challenge.json", "runs.csv", "breaches.csv", "challenge.html")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("off").resolve(f)), Files.readAllBytes(dir.resolve("off2").resolve(f)), f);
        }
    }

    @Test
    void refusesAnUnknownRulesValue(@TempDir Path dir) {
        CliRun r = challenge(dir.resolve("x"), "maybe");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--rules must be on or off"), r::toString);
    }
}
