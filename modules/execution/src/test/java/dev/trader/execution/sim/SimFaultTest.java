package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.fault.FaultPlan;
import dev.trader.execution.sim.fault.FaultRecord;
import dev.trader.execution.sim.fault.FaultSpec;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every injected fault, reproduced from its seed and checked against the ledger (the truth) and the fault log. */
class SimFaultTest extends SimHttpTestBase {

    private static SimConfig withFaults(FaultSpec... specs) {
        return SimFixtures.config().faults(FaultPlan.of(7, specs)).build();
    }

    private static Map<String, String> buy(String id) {
        return params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.01", "price", "20000",
                "newClientOrderId", id);
    }

    @Test
    void stalledOrderResponseTimesTheClientOutButTheOrderIsPlaced() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.STALL_ORDER_RESPONSE, 2).duration(Duration.ofSeconds(20))))) {
            assertEquals(200, s.signed("POST", "/api/v3/order", buy("a")).status());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> s.sendAsync(s.signedRequest("POST", "/api/v3/order", buy("b")), Duration.ofMillis(500)).get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof HttpTimeoutException, e.toString());
            assertTrue(s.sim.snapshot().orderByClientId("b").isPresent(), "accepted, though never answered");
            assertEquals(List.of(new FaultRecord(FaultKind.STALL_ORDER_RESPONSE, 2, "orderId 2 clientOrderId b")), s.sim.faultLog().records());
        }
    }

    @Test
    void abortedOrderResponseBreaksTheConnectionButTheOrderIsPlaced() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.ABORT_ORDER_RESPONSE, 1)))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> s.sendAsync(s.signedRequest("POST", "/api/v3/order", buy("a")), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IOException, e.toString());
            assertTrue(s.sim.snapshot().orderByClientId("a").isPresent());
            assertEquals(FaultKind.ABORT_ORDER_RESPONSE, s.sim.faultLog().records().get(0).kind());
        }
    }

    @Test
    void serviceUnavailableWithTheOrderPlaced() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.SERVER_ERROR_PLACED, 1)))) {
            SimServer.Reply r = s.signed("POST", "/api/v3/order", buy("a"));
            assertEquals(503, r.status());
            assertEquals("Unknown error, please check your request or try again later.", r.msg());
            assertEquals("1", r.header("X-MBX-ORDER-COUNT-10S"));
            assertTrue(s.sim.snapshot().orderByClientId("a").isPresent());
            assertEquals(200, s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "a")).status(),
                    "a query finds out the truth");
        }
    }

    @Test
    void serviceUnavailableWithoutTheOrderPlaced() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.SERVER_ERROR_NOT_PLACED, 1)))) {
            SimServer.Reply r = s.signed("POST", "/api/v3/order", buy("a"));
            assertEquals(503, r.status());
            assertEquals("Unknown error, please check your request or try again later.", r.msg(), "the same answer as when placed");
            assertTrue(s.sim.snapshot().orders().isEmpty());
            assertEquals(-2013, s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "a")).code());
            assertEquals("not placed: BTCUSDT BUY LIMIT clientOrderId a", s.sim.faultLog().records().get(0).detail());
        }
    }

    @Test
    void backendTimeoutWithTheOrderPlaced() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.TIMEOUT_PLACED, 1)))) {
            SimServer.Reply r = s.signed("POST", "/api/v3/order", buy("a"));
            assertEquals(-1007, r.code());
            assertEquals("Timeout waiting for response from backend server. Send status unknown; execution status unknown.", r.msg());
            assertTrue(s.sim.snapshot().orderByClientId("a").isPresent());
        }
    }

    @Test
    void firstKQueriesOfAnOrderSayItDoesNotExist() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.ORDER_NOT_FOUND_ON_QUERY, 2).count(2)))) {
            s.signed("POST", "/api/v3/order", buy("a"));
            s.signed("POST", "/api/v3/order", buy("b"));
            Map<String, String> qa = params("symbol", "BTCUSDT", "origClientOrderId", "a");
            Map<String, String> qb = params("symbol", "BTCUSDT", "origClientOrderId", "b");
            assertEquals(200, s.signed("GET", "/api/v3/order", qa).status(), "order a is the 1st opportunity: not hit");
            assertEquals(-2013, s.signed("GET", "/api/v3/order", qb).code());
            assertEquals(-2013, s.signed("GET", "/api/v3/order", qb).code());
            assertEquals(200, s.signed("GET", "/api/v3/order", qb).status(), "after K=2 the truth");
            assertEquals(200, s.signed("GET", "/api/v3/order", qa).status());
            assertEquals(List.of(new FaultRecord(FaultKind.ORDER_NOT_FOUND_ON_QUERY, 2, "orderId 2")), s.sim.faultLog().records());
        }
    }

    private static List<Long> tradeIds(SimServer s, String key) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode r : s.streams.events(key, "executionReport")) {
            if (r.get("x").asText().equals("TRADE")) {
                ids.add(r.get("t").asLong());
            }
        }
        return ids;
    }

    private static String listenKey(SimServer s) {
        return s.keyed("POST", "/api/v3/userDataStream", Map.of()).body().get("listenKey").asText();
    }

    private static void marketBuys(SimServer s, int n) {
        for (int i = 0; i < n; i++) {
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01"));
        }
    }

    @Test
    void duplicateFillsOnTheUserStream() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.DUPLICATE_FILL, 2)))) {
            String key = listenKey(s);
            marketBuys(s, 3);
            s.sim.step();
            assertEquals(List.of(1L, 2L, 2L, 3L), tradeIds(s, key), "the 2nd fill's report came twice");
            assertEquals(3, s.sim.snapshot().trades().size(), "the ledger has each fill once");
        }
    }

    @Test
    void reorderedFillsOnTheUserStream() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.REORDER_FILLS, 1)))) {
            String key = listenKey(s);
            marketBuys(s, 3);
            s.sim.step();
            assertEquals(List.of(2L, 1L, 3L), tradeIds(s, key), "1 held until after 2; 3 held until the end of the bar");
            List<String> log = s.streams.log();
            int held = indexOf(log, "\"t\":3");
            int kline = indexOf(log, "@kline_1m");
            assertTrue(held >= 0 && held < kline, "the held report is released when the bar's trading ends, before its klines: " + log);
        }
    }

    private static int indexOf(List<String> log, String part) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void killedUserStreamAfterEveryNthEvent() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.KILL_USER_STREAM, 3)))) {
            String key = listenKey(s);
            marketBuys(s, 2); // NEW + position, NEW + position
            List<String> log = s.streams.log();
            assertEquals(5, log.size());
            assertEquals("DISCONNECT " + key, log.get(3), "closed right after the 3rd event");
            assertEquals(200, s.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", key)).status(), "the key stays valid: reconnect");
        }
    }

    @Test
    void stalledReplayPausesBeforeABar() throws Exception {
        SimConfig config = SimFixtures.config().faults(FaultPlan.of(7, FaultSpec.everyNth(FaultKind.STALL_REPLAY, 3).duration(Duration.ofMillis(300))))
                .build();
        RecordingStreams streams = new RecordingStreams();
        try (ExchangeSimulator sim = ExchangeSimulator.builder(config, streams).bars("BTCUSDT", SimFixtures.btcBars().subList(0, 7))
                .bars("ETHUSDT", List.of()).build()) {
            long start = System.nanoTime();
            sim.startReplay(ReplayPacing.barsPerSecond(200)).finished().get(10, TimeUnit.SECONDS);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, sim.barsLeft());
            assertEquals(7, streams.payloads("btcusdt@kline_1m").size());
            assertEquals(2, sim.faultLog().of(FaultKind.STALL_REPLAY).size());
            assertTrue(elapsedMs >= 600, "two stalls of 300 ms, took " + elapsedMs + " ms");
        }
    }

    @Test
    void delayedRestAnswers() {
        try (SimServer s = new SimServer(system, withFaults(FaultSpec.everyNth(FaultKind.DELAY_REST, 2).duration(Duration.ofMillis(400))))) {
            s.get("/api/v3/ping", Map.of());
            long start = System.nanoTime();
            assertEquals(200, s.get("/api/v3/ping", Map.of()).status());
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 400);
            assertEquals(List.of(new FaultRecord(FaultKind.DELAY_REST, 2, "GET /api/v3/ping")), s.sim.faultLog().records());
        }
    }

    /** One scripted session: what the client saw, what the streams got, what the log says. */
    private static List<Object> session(long seed) {
        SimConfig config = SimFixtures.config().faults(new FaultPlan(seed, List.of(
                FaultSpec.withProbability(FaultKind.SERVER_ERROR_NOT_PLACED, 0.2),
                FaultSpec.withProbability(FaultKind.SERVER_ERROR_PLACED, 0.2),
                FaultSpec.withProbability(FaultKind.TIMEOUT_PLACED, 0.2),
                FaultSpec.withProbability(FaultKind.ORDER_NOT_FOUND_ON_QUERY, 0.5),
                FaultSpec.withProbability(FaultKind.DUPLICATE_FILL, 0.5),
                FaultSpec.withProbability(FaultKind.REORDER_FILLS, 0.5),
                FaultSpec.withProbability(FaultKind.KILL_USER_STREAM, 0.1)))).build();
        try (SimServer s = new SimServer(system, config)) {
            List<Integer> statuses = new ArrayList<>();
            listenKey(s);
            for (int i = 0; i < 12; i++) {
                String side = i % 2 == 0 ? "BUY" : "SELL";
                statuses.add(s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", side, "type", "MARKET", "quantity", "0.01",
                        "newClientOrderId", "o" + i)).status());
                statuses.add(s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "o" + i)).status());
                s.sim.step();
            }
            return List.of(statuses, s.sim.faultLog().records(), s.streams.log(), s.sim.snapshot());
        }
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() {
        List<Object> first = session(11);
        List<Object> again = session(11);
        assertEquals(first, again);
        assertTrue(((List<?>) first.get(1)).size() >= 5, "the session met faults: " + first.get(1));
        assertNotEquals(first.get(1), session(12).get(1));
    }
}
