package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.app.testing.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos harness's short profile, as the build runs it: three node processes on a real
 * PostgreSQL and the exchange simulator (with its exchange faults), the oldest node killed with
 * {@code kill -9} and further seeded faults (a pause, PostgreSQL's immediate restart); then no
 * duplicate order, no lost or unexpected fill, books equal to the ledger after a journal replay,
 * a contiguous single-writer journal, and trading served again after every fault. The long
 * profile ({@code bin/trader chaos --rounds 100}) is a benchmark, reported in the README.
 */
class ChaosClusterTest {
    /** Seed 1's schedule: KILL_OLDEST, a PostgreSQL immediate restart, a pause longer than stable-after (the summary is printed). */
    private static final long SEED = Long.getLong("chaos.seed", 1);
    private static final int ROUNDS = Integer.getInteger("chaos.rounds", 3);

    @TempDir
    Path work;

    @Test
    void aClusterHitByKillsPausesAndADatabaseRestartLosesAndDuplicatesNothing() throws Exception {
        ChaosRun.Settings settings = new ChaosRun.Settings(SEED, ROUNDS, 3, 4, work, TestNodes.FIXTURES, System.getProperty("java.class.path"),
                Path.of("..", "..", "conf").toAbsolutePath().normalize(), true, true, java.util.List.of(ChaosRun.Fault.values()));
        ChaosRun.Outcome outcome = new ChaosRun(settings, TestNodes.config(Map.of())).run(System.out);
        assertTrue(outcome.ledger().orders() > 0, "the cluster traded: " + outcome.ledger());
        assertEquals(java.util.List.of(), outcome.ledger().differences(), "books equal the exchange's ledger");
        assertTrue(outcome.journal().clean(), "journal: " + outcome.journal());
        assertEquals(java.util.List.of(), outcome.violations());
        assertTrue(outcome.rounds().stream().allMatch(ChaosRun.Round::healed), "every fault healed: " + outcome.rounds());
        Set<ChaosRun.Fault> faults = outcome.rounds().stream().map(ChaosRun.Round::fault).collect(Collectors.toCollection(() -> EnumSet.noneOf(ChaosRun.Fault.class)));
        assertTrue(faults.contains(ChaosRun.Fault.KILL_OLDEST), "the oldest node was killed: " + faults);
        assertTrue(outcome.passed());
        String operations = Files.readString(work.resolve("operations.log"));
        assertTrue(operations.contains("op=kill-9") && operations.contains(" invoke") && operations.contains(" ok"), operations);
        assertTrue(operations.lines().allMatch(l -> l.startsWith("seed=" + SEED + " ")), "every operation names the seed");
    }
}
