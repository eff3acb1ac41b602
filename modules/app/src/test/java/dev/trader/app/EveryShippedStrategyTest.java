package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.strategy.StrategyEntityState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every strategy file shipped in conf/strategies runs in the engine's Strategy entities on real
 * bars, is snapshotted through the journal's real serialization (every 50 events), and comes
 * back from the journal equal to what it was.
 */
class EveryShippedStrategyTest {
    @TempDir
    Path workDir;

    @Test
    void everyShippedStrategyRunsSnapshotsAndRecoversExactly() throws Exception {
        List<String> names = shippedStrategyNames();
        assertTrue(names.size() >= 8, "shipped strategies: " + names);
        Config config = TestNodes.config(new H2Backend().freshJournal("all_strategies", workDir))
                .withValue("trader.strategies", ConfigValueFactory.fromIterable(names))
                .withValue("trader.engine.snapshot-every", ConfigValueFactory.fromAnyRef(50));

        EngineSnapshot before;
        TraderNode first = TraderNode.start(config);
        long entities = first.engine().settings().strategies().stream().mapToLong(b -> b.instruments().size()).sum();
        ReplayReport report = new FileReplay(first.engine(), first.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
        before = EngineSnapshot.of(first.engine());
        first.system().terminate();
        first.whenStopped().toCompletableFuture().get();

        assertEquals(1440, report.barsNew());
        assertEquals(entities, before.strategies().size(), "one entity per strategy and instrument it is configured for");
        long signals = 0;
        for (StrategyEntityState s : before.strategies().values()) {
            assertEquals(720, s.barsSeen(), s.entityId());
            signals += s.signalCount();
        }
        try (TraderNode second = TraderNode.start(config)) {
            EngineSnapshot recovered = EngineSnapshot.of(second.engine());
            assertEquals(before.strategies(), recovered.strategies(), "every strategy state restored from snapshot + events");
            assertEquals(before.account(), recovered.account());
        }
        System.out.printf("[strategies] %d shipped strategies ran 720 real bars on each of its instruments: %d signals, %d orders; recovered exactly%n",
                names.size(), signals, before.account().approvedCount());
    }

    private static List<String> shippedStrategyNames() throws IOException {
        Path dir = Path.of("..", "..", "conf", "strategies");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - ".conf".length())).sorted().toList();
        }
    }
}
