package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.engine.order.OrderState;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instruments whose bars do not line up (one has a real-data slice cut out: a gap) are fed
 * side by side; the account's work must still happen in feed order, so two replays of the same
 * files on fresh journals end with identical books, whatever the timing of the entities.
 */
class GappedFeedDeterminismTest {
    @TempDir
    Path workDir;

    @Test
    void replaysWithAGapInOneInstrumentDecideTheSameEveryTime() throws Exception {
        Path gapped = workDir.resolve("ETH_USDT-1m_20230316-gapped.json.gz");
        cutCandles(TestNodes.FIXTURES.get(1), gapped, 100, 160);
        List<Path> files = List.of(TestNodes.FIXTURES.get(0), gapped);

        EngineSnapshot first = run("gapped_a", files);
        EngineSnapshot second = run("gapped_b", files);

        assertTrue(first.account().decisions().size() > 5, "the files trade");
        assertEquals(first.account(), second.account(), "account: cash, risk state, every decision");
        assertEquals(asDecided(first.orders()), asDecided(second.orders()), "every order and fill, decided at the same prices");
        assertEquals(first.positions(), second.positions());
    }

    /** The orders without their wall-clock latency measurements, which differ from run to run by nature. */
    private static Map<String, OrderState> asDecided(Map<String, OrderState> orders) {
        Map<String, OrderState> out = new TreeMap<>();
        orders.forEach((id, o) -> out.put(id, new OrderState(o.request(), o.positionId(), o.status(), o.venueOrderId(), o.filledQuantity(), o.fills(),
                o.lastReason(), o.decisionPrice(), null, null, null, null)));
        return out;
    }

    private EngineSnapshot run(String journal, List<Path> files) throws Exception {
        Config config = TestNodes.config(new H2Backend().freshJournal(journal, workDir));
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(files).toCompletableFuture().get();
            return EngineSnapshot.of(node.engine());
        }
    }

    /** Copies a Freqtrade JSON file without candles [from, to): a gap made of real data. */
    private static void cutCandles(Path source, Path target, int from, int to) throws Exception {
        String json;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String[] candles = json.substring(2, json.length() - 2).split("\\],\\[");
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < candles.length; i++) {
            if (i >= from && i < to) {
                continue;
            }
            out.append(out.length() > 1 ? "," : "").append('[').append(candles[i]).append(']');
        }
        out.append(']');
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
            o.write(out.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
