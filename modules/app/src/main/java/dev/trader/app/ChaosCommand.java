package dev.trader.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "The chaos harness: a cluster of node processes on a local PostgreSQL and the exchange simulator, trading the "
                + "simulator's paced replay while seeded faults hit it (kill -9 of a random node or the oldest, SIGSTOP pauses either side "
                + "of stable-after, an immediate PostgreSQL restart, exchange faults); prints the time each fault took to serve again and "
                + "the checks (one order per intent, books = ledger, journal single-writer and contiguous, replay = live). Exit 1 if any fails.")
final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--rounds", description = "faults to inject (default 10; the long profile is 100)")
    int rounds = 10;

    @Option(names = "--seed", description = "the schedule's seed: the same seed runs the same faults (default 1)")
    long seed = 1;

    @Option(names = "--nodes", description = "cluster size (default 3)")
    int nodes = 3;

    @Option(names = "--bars-per-second", description = "the simulator's pace: 1m bars of every symbol per second (default 4)")
    double barsPerSecond = 4;

    @Option(names = "--no-exchange-faults", description = "without the simulator's exchange faults")
    boolean noExchangeFaults;

    @Option(names = "--whole-replay", description = "trade the rest of the replay after the last round before the checks")
    boolean wholeReplay;

    @Option(names = "--faults", split = ",", description = "the faults to choose from after round 1's kill of the oldest, comma-separated "
            + "(default all: ${COMPLETION-CANDIDATES}); the long profile is KILL,KILL_OLDEST")
    List<ChaosRun.Fault> faults = List.of(ChaosRun.Fault.values());

    @Option(names = "--out", description = "folder for the logs, the operation log and the database (default data/chaos/seed-N)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path work = out != null ? out : Path.of("data", "chaos", "seed-" + seed);
        if (Files.exists(work.resolve("postgres"))) {
            throw new IllegalArgumentException("--out " + work + " holds an earlier run's database: remove it or choose another folder");
        }
        var config = ConfigLoader.load(null, Map.of());
        ChaosRun.Settings settings = new ChaosRun.Settings(seed, rounds, nodes, barsPerSecond, work.toAbsolutePath(), List.of(),
                System.getProperty("java.class.path"), Path.of("conf").toAbsolutePath(), !noExchangeFaults, wholeReplay, faults);
        return new ChaosRun(settings, config).run(System.out).passed() ? 0 : 1;
    }
}
