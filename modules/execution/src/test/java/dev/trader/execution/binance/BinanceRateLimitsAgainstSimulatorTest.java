package dev.trader.execution.binance;

import static dev.trader.execution.binance.SimRig.resting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.SubmitOutcome;
import dev.trader.domain.order.SubmitResult;
import dev.trader.execution.sim.config.RateLimitSpec;
import dev.trader.execution.sim.rest.RateLimitStats;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real Binance client's rate limiting against the real simulator's limits. The simulator
 * advertises small limits on 2-second windows in exchangeInfo ({@code REQUEST_WEIGHT 100 per
 * SECOND 2}, header {@code X-MBX-USED-WEIGHT-2S}; {@code ORDERS 8 per SECOND 2}), as Binance
 * advertises its own per minute; the client must read and keep them: driven far beyond them it
 * queues, and the simulator (which counts every 429 and 418 it answers) refuses nothing. Another
 * program on the same IP, which does not count, makes the simulator answer 429 and then 418 to our
 * client: it must then send nothing at all until the Retry-After has passed, and then succeed.
 */
class BinanceRateLimitsAgainstSimulatorTest {
    private static final int WEIGHT = 100;
    private static final int ORDERS = 8;
    private static final long WINDOW_MS = 2_000;
    private static final Duration BAN = Duration.ofSeconds(3);

    private static SimRig rig() {
        RateLimitSpec limits = new RateLimitSpec(WEIGHT, ORDERS, 100_000, 2, BAN, Duration.ofSeconds(10))
                .withWindows(Duration.ofMillis(WINDOW_MS), Duration.ofMillis(WINDOW_MS));
        return SimRig.start(SimRig.config().rateLimits(limits), b -> b.maxQueueWait(Duration.ofSeconds(15)));
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("did not complete: " + e, e);
        }
    }

    @Test
    void drivenFarBeyondTheAdvertisedLimitsTheClientQueuesAndNothingIsRefused() {
        try (SimRig rig = rig(); LogCapture log = new LogCapture()) {
            assertTrue(rig.venue.rest().rateLimitUse().contains("REQUEST_WEIGHT " + WEIGHT + "/2second"), rig.venue.rest().rateLimitUse());
            assertTrue(rig.venue.rest().rateLimitUse().contains("ORDERS " + ORDERS + "/2second"), rig.venue.rest().rateLimitUse());
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(resting("tBase")).outcome());

            // All at once: 24 orders (3 windows' worth of ORDERS) and 60 queries of weight 4 (2.4 windows' worth of weight).
            long started = System.nanoTime();
            List<CompletableFuture<SubmitResult>> orders = new ArrayList<>();
            List<CompletableFuture<Optional<OrderStatus>>> queries = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                orders.add(rig.client.submit(resting("tLoad" + i)).toCompletableFuture());
                if (i < 20) {
                    for (int q = 0; q < 3; q++) {
                        queries.add(rig.client.query(new ClientOrderId("tBase")).toCompletableFuture());
                    }
                }
            }
            for (CompletableFuture<SubmitResult> o : orders) {
                SubmitResult r = await(o);
                assertEquals(SubmitOutcome.ACCEPTED, r.outcome(), () -> "every order goes through in the end: " + r);
            }
            for (CompletableFuture<Optional<OrderStatus>> q : queries) {
                assertEquals(Optional.of(OrderStatus.ACCEPTED), await(q));
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            RateLimitStats stats = rig.server.simulator().rateLimitStats();
            assertEquals(0, stats.refusals(), () -> "the simulator refused requests: " + stats);
            assertFalse(log.has(Level.WARN, "HTTP 429") || log.has(Level.ERROR, "HTTP 418"), "the client met no 429 or 418");
            assertEquals(0, rig.venue.rest().bannedForMillis());
            assertTrue(tookMs >= WINDOW_MS, "the load needed three windows, so the client did wait for at least one to roll: " + tookMs + " ms");
            assertEquals(25, rig.ledger().orders().size(), "each order placed once");
        }
    }

    @Test
    void after429WithRetryAfterTheClientSendsNothingUntilItHasPassedThenSucceeds() {
        try (SimRig rig = rig(); LogCapture log = new LogCapture()) {
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(resting("tKnown")).outcome());
            long windowEnd = exhaustWeight(rig);

            // Our client has not counted the other program's weight: its next request is refused with 429 and Retry-After.
            CompletableFuture<SubmitResult> refused = rig.client.submit(resting("t429")).toCompletableFuture();
            SimRig.waitUntil("the client has met the 429", Duration.ofSeconds(2), () -> rig.venue.rest().bannedForMillis() > 0);
            assertEquals(1, rig.server.simulator().rateLimitStats().tooMuchWeight());
            assertTrue(log.has(Level.WARN, "HTTP 429"));
            // While the Retry-After runs, more requests are made: they wait too.
            CompletableFuture<Optional<OrderStatus>> query = rig.client.query(new ClientOrderId("tKnown")).toCompletableFuture();
            CompletableFuture<SubmitResult> another = rig.client.submit(resting("tWaiting")).toCompletableFuture();
            CompletableFuture<Void> ping = rig.venue.rest().ping().toCompletableFuture();

            SubmitResult r = await(refused);
            long doneAt = System.currentTimeMillis();
            assertEquals(SubmitOutcome.ACCEPTED, r.outcome(), () -> "sent again once the Retry-After had passed: " + r);
            assertTrue(doneAt >= windowEnd, "not before the window the 429 was about had ended");
            assertEquals(Optional.of(OrderStatus.ACCEPTED), await(query));
            assertEquals(SubmitOutcome.ACCEPTED, await(another).outcome());
            await(ping);

            RateLimitStats stats = rig.server.simulator().rateLimitStats();
            assertEquals(new RateLimitStats(1, 0, 0, 0, 0), stats,
                    "one 429, then not one request while its Retry-After ran (any would count as ignored), and no ban");
            assertEquals(1, rig.ordersWithClientId("t429").size(), "the refused order was placed once, when sent again");
            assertEquals(1, rig.ordersWithClientId("tWaiting").size());
        }
    }

    @Test
    void after418TheClientSendsNothingUntilTheBanHasEndedThenSucceeds() {
        try (SimRig rig = rig(); LogCapture log = new LogCapture()) {
            assertEquals(SubmitOutcome.ACCEPTED, rig.submit(resting("tKnown")).outcome());
            exhaustWeight(rig);
            // The other program ignores its 429 twice: the IP is banned.
            assertEquals(429, rig.rawRequest("GET", "/api/v3/ping", false).statusCode());
            assertEquals(429, rig.rawRequest("GET", "/api/v3/ping", false).statusCode());
            HttpResponse<String> banned = rig.rawRequest("GET", "/api/v3/ping", false);
            assertEquals(418, banned.statusCode());
            long banEnds = System.currentTimeMillis() + BAN.toMillis();
            assertEquals(new RateLimitStats(1, 1, 1, 0, 0), rig.server.simulator().rateLimitStats());

            long started = System.nanoTime();
            CompletableFuture<SubmitResult> first = rig.client.submit(resting("t418")).toCompletableFuture();
            SimRig.waitUntil("the client has met the 418", Duration.ofSeconds(2), () -> rig.venue.rest().bannedForMillis() > 0);
            assertTrue(log.has(Level.ERROR, "HTTP 418"));
            CompletableFuture<Optional<OrderStatus>> query = rig.client.query(new ClientOrderId("tKnown")).toCompletableFuture();
            CompletableFuture<Void> ping = rig.venue.rest().ping().toCompletableFuture();

            SubmitResult r = await(first);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(SubmitOutcome.ACCEPTED, r.outcome(), () -> "sent again after the ban: " + r);
            assertTrue(System.currentTimeMillis() >= banEnds - 50, "not before the ban ended");
            assertTrue(tookMs >= BAN.toMillis() - 1_000, "waited out the ban: " + tookMs + " ms");
            assertEquals(Optional.of(OrderStatus.ACCEPTED), await(query));
            await(ping);
            assertEquals(new RateLimitStats(1, 1, 1, 1, 0), rig.server.simulator().rateLimitStats(),
                    "exactly one request of ours met the ban; none was sent while it lasted");
            assertEquals(1, rig.ordersWithClientId("t418").size());
        }
    }

    /**
     * Another program on this IP, without a rate limiter, uses the rest of the current weight window
     * (early in a window, so that what follows happens in it too); returns when the window ends (ms).
     */
    private static long exhaustWeight(SimRig rig) {
        for (int attempt = 0; attempt < 5; attempt++) {
            SimRig.waitUntil("a fresh weight window", Duration.ofSeconds(3), () -> {
                long inWindow = System.currentTimeMillis() % WINDOW_MS;
                return inWindow >= 100 && inWindow < 400;
            });
            long window = System.currentTimeMillis() / WINDOW_MS;
            int used = usedWeight(rig.rawRequest("GET", "/api/v3/ping", false));
            while (used < WEIGHT) {
                used = usedWeight(rig.rawRequest("GET", WEIGHT - used >= 20 ? "/api/v3/exchangeInfo" : "/api/v3/ping", false));
            }
            assertEquals(WEIGHT, used, "exactly the limit, no more");
            if (System.currentTimeMillis() / WINDOW_MS == window && System.currentTimeMillis() % WINDOW_MS < 1_200) {
                return (window + 1) * WINDOW_MS;
            }
        }
        throw new AssertionError("could not use up a weight window in time");
    }

    private static int usedWeight(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return Integer.parseInt(r.headers().firstValue("X-MBX-USED-WEIGHT-2S").orElseThrow());
    }
}
