package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.app.testing.TestNodes;
import dev.trader.app.testing.TraderProcess;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node trading through the exchange simulator is killed at a named point of the order path
 * (a real {@code kill -9} of its JVM at that point: {@code TRADER_CRASH_AT}), started again on the same
 * journal, and trades on. Afterwards: exactly one exchange order per client order id, every
 * exchange trade booked once, and cash and positions equal to the simulator's ledger to the last
 * decimal. The simulator (the exchange) lives in this JVM and survives; the node is its own process.
 */
class CrashPointRecoveryTest {
    private static final Pattern STATUS_URL = Pattern.compile("status at http://localhost:(\\d+)/api/status");
    private static final int BARS_AFTER_RESTART = 90;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workDir;

    /** How many times each crash point is run: 1 in the build, 10 by {@code loadtest/chaos/crash-points.sh}. */
    private static final int REPETITIONS = Integer.getInteger("crash.repetitions", 1);

    static Stream<Arguments> crashPoints() {
        List<Arguments> all = new ArrayList<>();
        for (String orderType : new String[] {"MARKET", "LIMIT"}) {
            for (String point : new String[] {"order-journaled-not-sent", "sent-answer-not-journaled", "fill-arrived-not-journaled"}) {
                for (int run = 1; run <= REPETITIONS; run++) {
                    all.add(Arguments.of(point, orderType, run));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ({1} order) run {2}")
    @MethodSource("crashPoints")
    void aNodeKilledAtTheCrashPointRecoversWithoutDuplicatesOrLostFills(String point, String orderType, int run) throws Exception {
        Map<String, String> env = Map.of(SimulatorSettings.KEY_VARIABLE, "crash-test-key", SimulatorSettings.SECRET_VARIABLE, "crash-test-secret");
        SimConfig simConfig = SimulatorSettings.simConfig(ConfigLoader.load(null, Map.of()).getConfig("trader.exchange-sim"), env, TestNodes.FIXTURES);
        try (ExchangeSimServer server = ExchangeSimServer.start(simConfig, SimWsConfig.binance(), "127.0.0.1", 0)) {
            Map<String, String> nodeEnv = new HashMap<>(env);
            nodeEnv.put("TRADER_VENUE", "binance");
            nodeEnv.put("BINANCE_REST_URL", server.restUrl());
            nodeEnv.put("BINANCE_WS_URL", server.wsUrl());
            nodeEnv.put("TRADER_DATA_DIR", workDir.resolve("data").toString());
            nodeEnv.put("TRADER_REMOTE_PORT", "0");
            Map<String, String> armed = new HashMap<>(nodeEnv);
            armed.put("TRADER_CRASH_AT", point + ":" + orderType + ":1");

            List<Node> nodes = new ArrayList<>();
            Node node = Node.start(armed);
            nodes.add(node);
            try {
                int crashes = 0;
                int afterRestart = 0;
                boolean started = false;
                long klinesBeforeThisNode = 0;
                while (server.simulator().barsLeft() > 0 && afterRestart < BARS_AFTER_RESTART) {
                    if (!node.process().isAlive()) {
                        assertEquals(137, node.process().exitValue(), "the node halted at the crash point: " + node.tail());
                        assertTrue(node.trader().lines().stream().anyMatch(l -> l.contains("CRASH POINT")), node.tail());
                        crashes++;
                        node = Node.start(nodeEnv);
                        nodes.add(node);
                        started = false;
                    }
                    if (!started) {
                        node.awaitReady(server);
                        klinesBeforeThisNode = server.klinesPublished();
                        started = true;
                    }
                    Node current = node;
                    server.simulator().step(() -> waitFor(() -> !current.process().isAlive() || tradesBooked(current) == trades(server)));
                    long published = server.klinesPublished() - klinesBeforeThisNode;
                    waitFor(() -> !current.process().isAlive() || barsProcessed(current) >= published);
                    if (crashes > 0) {
                        afterRestart++;
                    }
                }
                assertEquals(1, crashes, "the crash point " + point + " of a " + orderType + " order was reached once in the data: " + node.tail());
                Node last = node;
                waitFor(() -> tradesBooked(last) == trades(server));
                assertBooksEqualTheLedger(last, server.simulator().snapshot(), simConfig.initialBalances());
            } finally {
                // Whatever the outcome, no node outlives the test.
                for (Node n : nodes) {
                    n.process().destroy();
                    if (!n.process().waitFor(30, TimeUnit.SECONDS)) {
                        n.process().destroyForcibly();
                    }
                }
            }
        }
    }

    private void assertBooksEqualTheLedger(Node node, LedgerSnapshot ledger, Map<String, BigDecimal> initial) throws Exception {
        Map<String, Long> perClientId = ledger.orders().stream().collect(Collectors.groupingBy(OrderView::clientOrderId, Collectors.counting()));
        perClientId.forEach((id, n) -> assertEquals(1L, n, "exchange orders under client order id " + id));
        JsonNode status = status(node);
        JsonNode account = status.get("account");
        assertEquals(ledger.trades().size(), account.get("tradesBooked").asLong(), "every exchange trade booked once");
        BigDecimal cashMoved = new BigDecimal(account.get("cash").asText()).subtract(new BigDecimal(account.get("initialCapital").asText()));
        assertEquals(0, moved(ledger, initial, "USDT").compareTo(cashMoved), "USDT moved " + moved(ledger, initial, "USDT") + " at the exchange, cash by " + cashMoved);
        Map<String, BigDecimal> held = new HashMap<>();
        for (JsonNode p : status.get("openPositions")) {
            BigDecimal q = new BigDecimal(p.get("quantity").asText());
            held.put(p.get("instrument").asText(), "SHORT".equals(p.get("side").asText()) ? q.negate() : q);
        }
        for (String[] pair : new String[][] {{"binance:BTCUSDT", "BTC"}, {"binance:ETHUSDT", "ETH"}}) {
            BigDecimal ours = held.getOrDefault(pair[0], BigDecimal.ZERO);
            assertEquals(0, moved(ledger, initial, pair[1]).compareTo(ours), pair[1] + " moved " + moved(ledger, initial, pair[1]) + " at the exchange, ours " + ours);
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/reconciliations")).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode reconciliations = json.readTree(r.body());
        boolean booted = false;
        for (JsonNode report : reconciliations.get("reports")) { // newest first, back to the restarted node's boot
            assertEquals(0, report.get("findings").size(), "after the crash the venue's books are explained by the journal: " + report);
            if (report.get("trigger").asText().equals("boot")) {
                booted = true;
                break;
            }
        }
        assertTrue(booted, "the restarted node reconciled at boot: " + reconciliations);
        assertEquals(0, reconciliations.get("holds").size(), "nothing held: " + reconciliations);
        System.out.printf("[crash point] %d exchange orders (one per client order id), %d trades booked once, cash and positions equal the ledger%n",
                ledger.orders().size(), ledger.trades().size());
    }

    private static BigDecimal moved(LedgerSnapshot ledger, Map<String, BigDecimal> initial, String asset) {
        return ledger.balance(asset).total().subtract(initial.getOrDefault(asset, BigDecimal.ZERO));
    }

    private static int trades(ExchangeSimServer server) {
        return server.simulator().tradeCount();
    }

    private long tradesBooked(Node node) {
        try {
            return status(node).get("account").get("tradesBooked").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Bars through the node's whole pipeline (its orders for them are at the exchange) since it started. */
    private long barsProcessed(Node node) {
        try {
            return status(node).get("feed").get("barsProcessed").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonNode status(Node node) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/status")).header("Authorization", TestNodes.AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private static void waitFor(BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code bin/trader run} as its own process, trading at the simulator. */
    private record Node(TraderProcess trader) {
        static Node start(Map<String, String> env) throws Exception {
            Map<String, String> all = new HashMap<>(env);
            all.putIfAbsent("TRADER_CRASH_AT", null);
            return new Node(TraderProcess.start(all, "run", "--port", "0"));
        }

        Process process() {
            return trader.process();
        }

        int port() {
            Matcher m = trader.find(STATUS_URL);
            return m == null ? -1 : Integer.parseInt(m.group(1));
        }

        /** Serving HTTP and listening to every symbol's klines. */
        void awaitReady(ExchangeSimServer server) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process().isAlive()
                    && (port() < 0 || server.streams().subscribers("btcusdt@kline_1m") == 0 || server.streams().subscribers("ethusdt@kline_1m") == 0)) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            assertTrue(process().isAlive() || process().exitValue() == 137, "the node died at start: " + tail());
        }

        String tail() {
            return trader.tail(30);
        }
    }
}
