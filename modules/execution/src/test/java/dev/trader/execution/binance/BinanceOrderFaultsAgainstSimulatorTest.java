package dev.trader.execution.binance;

import static dev.trader.execution.binance.SimRig.BTC;
import static dev.trader.execution.binance.SimRig.resting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.SimOrderStatus;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.fault.FaultPlan;
import dev.trader.execution.sim.fault.FaultRecord;
import dev.trader.execution.sim.fault.FaultSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The order path of the real Binance client against the real simulator, one injected fault at a
 * time: a placed order whose answer is lost (stalled, aborted, 503, -1007) is UNKNOWN, never
 * REJECTED; a query by client order id then finds it; sending the same id again never makes a
 * second order; a 503 without the order placed is UNKNOWN too and its resend places exactly one;
 * -2013 on the first queries of an order that exists is "not known yet", nothing more; answers
 * slower than the request timeout are UNKNOWN and open the circuit breaker, which fails fast and
 * recovers. After each, the simulator's ledger (the truth) is checked.
 */
class BinanceOrderFaultsAgainstSimulatorTest {

    private static SimRig rig(FaultSpec fault) {
        return SimRig.start(SimRig.config().faults(FaultPlan.of(7, fault)));
    }

    /** The one order with this client order id in the ledger (fails if there is none or more than one). */
    private static OrderView onlyOrder(SimRig rig, String id) {
        List<OrderView> orders = rig.ordersWithClientId(id);
        assertEquals(1, orders.size(), () -> "orders with client order id " + id + " in the ledger: " + orders);
        return orders.get(0);
    }

    private static void assertFaultHit(SimRig rig, FaultKind kind, String id) {
        List<FaultRecord> hits = rig.server.simulator().faultLog().of(kind);
        assertTrue(hits.stream().anyMatch(r -> r.detail().contains(id)), () -> kind + " did not hit " + id + ": " + hits);
    }

    /** UNKNOWN, then found by a query, then sent again without a second order: the common ending of the "placed, answer lost" faults. */
    private static void assertPlacedButUnknown(SimRig rig, SubmitResult first, String id) {
        assertEquals(SubmitOutcome.UNKNOWN, first.outcome(), () -> "a placed order whose answer was lost: " + first);
        OrderView placed = onlyOrder(rig, id);
        assertEquals(SimOrderStatus.NEW, placed.status());
        assertEquals(Optional.of(OrderStatus.ACCEPTED), rig.query(id), "a query by client order id finds the order");
        SubmitResult again = rig.submit(resting(id));
        assertEquals(SubmitOutcome.ACCEPTED, again.outcome(), () -> "sending the id again: " + again);
        assertEquals(String.valueOf(placed.orderId()), again.venueOrderId());
        onlyOrder(rig, id);
    }

    @Test
    void anAbortedAnswerIsUnknownTheQueryFindsTheOrderAndAResendPlacesNoSecond() {
        try (SimRig rig = rig(FaultSpec.everyNth(FaultKind.ABORT_ORDER_RESPONSE, 1))) {
            SubmitResult r = rig.submit(resting("tAbort1"));
            assertFaultHit(rig, FaultKind.ABORT_ORDER_RESPONSE, "tAbort1");
            assertPlacedButUnknown(rig, r, "tAbort1");

            // The dangerous case: the lost order has FILLED before it is sent again. Binance (and the
            // simulator) refuse a duplicate client order id only while the first order is open, so a
            // client that simply resent would buy twice.
            SubmitResult market = rig.submit(SimRig.market("tAbort2", BTC, OrderSide.BUY, "0.01"));
            assertEquals(SubmitOutcome.UNKNOWN, market.outcome());
            rig.server.simulator().step();
            assertEquals(SimOrderStatus.FILLED, onlyOrder(rig, "tAbort2").status());
            SubmitResult again = rig.submit(SimRig.market("tAbort2", BTC, OrderSide.BUY, "0.01"));
            assertEquals(SubmitOutcome.ACCEPTED, again.outcome());
            assertEquals(String.valueOf(onlyOrder(rig, "tAbort2").orderId()), again.venueOrderId());
            assertEquals(Optional.of(OrderStatus.FILLED), rig.query("tAbort2"));
            rig.awaitFillsOfLedger();
            rig.assertFillsEqualLedger();
        }
    }

    @Test
    void aStalledAnswerTimesOutAsUnknownAndTheOrderIsFoundNotDuplicated() {
        FaultSpec stall = FaultSpec.everyNth(FaultKind.STALL_ORDER_RESPONSE, 1).duration(Duration.ofSeconds(5));
        try (SimRig rig = SimRig.start(SimRig.config().faults(FaultPlan.of(7, stall)), b -> b.requestTimeout(Duration.ofMillis(500)))) {
            long started = System.nanoTime();
            SubmitResult r = rig.submit(resting("tStall"));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs >= 450 && tookMs < 4_000, "the client gave up at its request timeout, not the stall's end: " + tookMs + " ms");
            assertTrue(r.reason().contains("no answer within 500 ms"), r.reason());
            assertFaultHit(rig, FaultKind.STALL_ORDER_RESPONSE, "tStall");
            assertPlacedButUnknown(rig, r, "tStall");
        }
    }

    @Test
    void a503WithTheOrderPlacedIsUnknownAndTheQueryFindsIt() {
        try (SimRig rig = rig(FaultSpec.everyNth(FaultKind.SERVER_ERROR_PLACED, 1))) {
            SubmitResult r = rig.submit(resting("t503p"));
            assertTrue(r.reason().contains("-1000"), r.reason());
            assertFaultHit(rig, FaultKind.SERVER_ERROR_PLACED, "t503p");
            assertPlacedButUnknown(rig, r, "t503p");
        }
    }

    @Test
    void a503WithoutTheOrderIsUnknownTooTheQueryFindsNothingAndTheResendPlacesExactlyOne() {
        // Every 2nd order is "not placed": the first goes through, the second is lost, its resend is the 3rd.
        try (SimRig rig = rig(FaultSpec.everyNth(FaultKind.SERVER_ERROR_NOT_PLACED, 2))) {
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(resting("tWarm")).outcome());
            SubmitResult lost = rig.submit(resting("t503n"));
            assertEquals(SubmitOutcome.UNKNOWN, lost.outcome(), "the same 503 as when placed: the client cannot tell, so never REJECTED");
            assertFaultHit(rig, FaultKind.SERVER_ERROR_NOT_PLACED, "t503n");
            assertEquals(List.of(), rig.ordersWithClientId("t503n"));
            assertEquals(Optional.empty(), rig.query("t503n"), "the exchange does not know it");
            assertEquals(Optional.empty(), rig.query("t503n"), "and a second query says the same");

            SubmitResult resend = rig.submit(resting("t503n"));
            assertEquals(SubmitOutcome.ACCEPTED, resend.outcome(), () -> "the resend: " + resend);
            assertEquals(String.valueOf(onlyOrder(rig, "t503n").orderId()), resend.venueOrderId());
            assertEquals(Optional.of(OrderStatus.ACCEPTED), rig.query("t503n"));
            onlyOrder(rig, "tWarm");
            assertEquals(2, rig.ledger().orders().size());
        }
    }

    @Test
    void aBackendTimeoutMinus1007IsUnknownAndTheQueryFindsTheOrder() {
        try (SimRig rig = rig(FaultSpec.everyNth(FaultKind.TIMEOUT_PLACED, 1))) {
            SubmitResult r = rig.submit(resting("t1007"));
            assertTrue(r.reason().contains("-1007"), r.reason());
            assertFaultHit(rig, FaultKind.TIMEOUT_PLACED, "t1007");
            assertPlacedButUnknown(rig, r, "t1007");
        }
    }

    @Test
    void notFoundOnTheFirstQueriesIsEmptyEachTimeThenTheRealStatus() {
        int k = 3;
        try (SimRig rig = rig(FaultSpec.everyNth(FaultKind.ORDER_NOT_FOUND_ON_QUERY, 1).count(k))) {
            SubmitResult placed = rig.submit(resting("tHidden"));
            assertEquals(SubmitOutcome.ACCEPTED, placed.outcome());
            for (int i = 1; i <= k; i++) {
                assertEquals(Optional.empty(), rig.query("tHidden"), "query " + i + " of " + k + " answered -2013");
            }
            assertEquals(Optional.of(OrderStatus.ACCEPTED), rig.query("tHidden"), "then the exchange's real answer");
            assertEquals(1, rig.server.simulator().faultLog().of(FaultKind.ORDER_NOT_FOUND_ON_QUERY).size());
            // The client concluded nothing from the -2013s: the order is still the exchange's one open order of that id,
            // and cancelling it works.
            assertEquals(SimOrderStatus.NEW, onlyOrder(rig, "tHidden").status());
            assertEquals(SubmitOutcome.ACCEPTED, TestSetup.join(rig.client.cancel(placed.clientOrderId())).outcome());
            assertEquals(SimOrderStatus.CANCELED, onlyOrder(rig, "tHidden").status());

            // A second order: its own first K queries are hidden too, then its real status (FILLED).
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(SimRig.market("tHidden2", BTC, OrderSide.BUY, "0.01")).outcome());
            rig.server.simulator().step();
            for (int i = 1; i <= k; i++) {
                assertEquals(Optional.empty(), rig.query("tHidden2"));
            }
            assertEquals(Optional.of(OrderStatus.FILLED), rig.query("tHidden2"));
            onlyOrder(rig, "tHidden2");
        }
    }

    @Test
    void answersSlowerThanTheTimeoutAreUnknownThenTheBreakerOpensFailsFastAndRecovers() {
        // A 1 s timeout, not tighter: on a loaded 2-core machine a healthy answer must never look late.
        FaultSpec slow = FaultSpec.everyNth(FaultKind.DELAY_REST, 1).duration(Duration.ofMillis(3_000));
        try (SimRig rig = SimRig.start(SimRig.config().faults(FaultPlan.of(7, slow)),
                b -> b.requestTimeout(Duration.ofMillis(1_000)).breaker(3, Duration.ofSeconds(1)))) {
            CircuitBreaker breaker = rig.venue.rest().circuitBreaker();
            List<CircuitBreaker.State> transitions = new CopyOnWriteArrayList<>();
            breaker.onTransition(transitions::add);

            List<String> slowIds = List.of("tSlow1", "tSlow2", "tSlow3");
            for (String id : slowIds) {
                SubmitResult r = rig.submit(resting(id));
                assertEquals(SubmitOutcome.UNKNOWN, r.outcome(), () -> id + ": " + r);
                assertTrue(r.reason().contains("no answer within 1000 ms"), r.reason());
                onlyOrder(rig, id); // the exchange placed it: only the answer was late
            }
            assertEquals(List.of(CircuitBreaker.State.OPEN), transitions, "three failures in a row open the breaker");

            long started = System.nanoTime();
            SubmitResult fast = rig.submit(resting("tFast"));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(SubmitOutcome.REJECTED, fast.outcome(), "nothing was sent, so nothing can exist: REJECTED is the truth");
            assertTrue(fast.reason().contains("circuit breaker is open"), fast.reason());
            assertTrue(tookMs < 990, "fails fast: anything sent would have waited out the 1000 ms timeout; took " + tookMs + " ms");
            assertEquals(List.of(), rig.ordersWithClientId("tFast"), "and nothing reached the exchange");

            // The exchange answers in time again; after the cool-down one trial goes through and closes the breaker.
            rig.server.simulator().suspendFaults();
            // One trial, a ping, closes it; the resends below must not race a background request for that single trial.
            SimRig.waitUntil("a trial closes the breaker", Duration.ofSeconds(5), () -> {
                if (breaker.retryInMillis() == 0) {
                    rig.venue.rest().ping().toCompletableFuture().exceptionally(e -> null).join();
                }
                return breaker.state() == CircuitBreaker.State.CLOSED;
            });
            List<SubmitOutcome> outcomes = new ArrayList<>();
            for (String id : slowIds) {
                SubmitResult again = rig.submit(resting(id));
                outcomes.add(again.outcome());
                assertEquals(String.valueOf(onlyOrder(rig, id).orderId()), again.venueOrderId());
            }
            assertEquals(List.of(SubmitOutcome.ACCEPTED, SubmitOutcome.ACCEPTED, SubmitOutcome.ACCEPTED), outcomes,
                    "each UNKNOWN order, sent again, is found at the exchange, not placed twice");
            assertEquals(List.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED), transitions);
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(resting("tAfter")).outcome());
            for (String id : slowIds) {
                onlyOrder(rig, id);
            }
            assertEquals(4, rig.ledger().orders().size(), "tSlow1..3 and tAfter, once each; tFast never");
        }
    }
}
