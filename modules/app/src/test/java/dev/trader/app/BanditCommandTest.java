package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code trader bandit} on the bundled week: each policy against equal weights, the same figures on a second run, bad input refused. */
class BanditCommandTest {
    private static final Path BOLLINGER = Path.of("..", "..", "conf", "strategies", "bollinger-breakout.conf");

    @Test
    void weighsTheStrategiesPerContextAndRepeatsWithItsSeed() {
        String strategies = CliRun.EMA_CROSS + "," + CliRun.R1 + "," + BOLLINGER;
        CliRun first = CliRun.of("bandit", "--strategy", strategies, "--data", CliRun.BTC + "," + CliRun.ETH, "--notional", "1000");
        assertEquals(0, first.code(), first::toString);
        for (String row : new String[] {"static equal weights", "epsilon-greedy", "ucb1", "thompson"}) {
            assertTrue(first.out().contains(row), row + ": " + first.out());
        }
        assertTrue(first.out().matches("(?s).*\\d+ trades in \\d+ contexts \\(session x regime\\).*"), first::toString);
        CliRun again = CliRun.of("bandit", "--strategy", strategies, "--data", CliRun.BTC + "," + CliRun.ETH, "--notional", "1000");
        assertEquals(first.out(), again.out(), "seeded: the same figures");
        CliRun otherSeed = CliRun.of("bandit", "--strategy", strategies, "--data", CliRun.BTC + "," + CliRun.ETH, "--notional", "1000",
                "--seed", "7", "--policy", "thompson");
        assertEquals(0, otherSeed.code(), otherSeed::toString);
    }

    @Test
    void badInputIsRefusedByName() {
        CliRun one = CliRun.of("bandit", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("at least two strategy files"), one::toString);
        CliRun policy = CliRun.of("bandit", "--strategy", CliRun.R1 + "," + BOLLINGER, "--data", CliRun.BTC.toString(), "--policy", "greedy");
        assertEquals(2, policy.code());
        assertTrue(policy.err().contains("unknown bandit policy 'greedy'"), policy::toString);
        CliRun weight = CliRun.of("bandit", "--strategy", CliRun.R1 + "," + BOLLINGER, "--data", CliRun.BTC.toString(), "--min-weight", "0.6");
        assertEquals(2, weight.code());
        assertTrue(weight.err().contains("minimum weight"), weight::toString);
    }
}
