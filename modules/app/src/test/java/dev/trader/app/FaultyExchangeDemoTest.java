package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo through a misbehaving exchange ({@code conf/exchange-faults.conf}, seeded): lost,
 * failed and status-unknown order answers, "does not exist" for the first queries, duplicated
 * and reordered fills, a cut user stream. Orders the engine cannot confirm stay UNKNOWN until its
 * queries settle them; at the end nothing was sent twice and every order, fill and balance equals
 * the simulator's ledger. (The long version: {@code loadtest/chaos/faulty-exchange.sh}.)
 */
class FaultyExchangeDemoTest {
    @TempDir
    Path workDir;

    @Test
    void throughAFaultyExchangeTheBooksStillEqualTheLedgerAndNothingIsSentTwice() throws Exception {
        Map<String, Object> overrides = new HashMap<>(new H2Backend().freshJournal("faulty", workDir));
        overrides.put("pekko.remote.artery.canonical.port", 0);
        overrides.put("trader.http.port", 0);
        Config config = ConfigLoader.load(Path.of("..", "..", "conf", "exchange-faults.conf").toAbsolutePath().normalize(), overrides);
        Map<String, String> env = Map.of(SimulatorSettings.KEY_VARIABLE, "faulty-key", SimulatorSettings.SECRET_VARIABLE, "faulty-secret");

        SimDemo.Outcome outcome = SimDemo.run(config, env, TestNodes.FIXTURES, 0, o -> { });

        assertEquals(1440, outcome.report().barsProcessed());
        assertTrue(outcome.report().ordersApproved() > 0, "it traded");
        assertTrue(outcome.check().equal(), "books equal the ledger: " + outcome.check().differences());
        assertTrue(outcome.check().trades() > 0);
        assertTrue(outcome.check().warnings().isEmpty(), "a late exit fill's remainder was closed: " + outcome.check().warnings());
        Map<String, Long> faults = outcome.faultsInjected();
        for (String kind : new String[] {"ABORT_ORDER_RESPONSE", "DUPLICATE_FILL", "REORDER_FILLS", "KILL_USER_STREAM"}) {
            assertTrue(faults.getOrDefault(kind, 0L) > 0, kind + " was injected: " + faults);
        }
        System.out.printf("[faulty exchange] %d bars, %d orders approved, faults %s; ledger equal: %d exchange orders (one per client order id), "
                        + "%d trades; warnings %s%n", outcome.report().barsProcessed(), outcome.report().ordersApproved(), faults, outcome.check().orders(),
                outcome.check().trades(), outcome.check().warnings());
    }
}
