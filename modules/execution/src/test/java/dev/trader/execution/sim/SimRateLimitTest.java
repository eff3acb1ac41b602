package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.execution.sim.config.RateLimitSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binance's request-weight and order limits on the (test's) wall clock: 429 with Retry-After, then 418 for a client that keeps sending. */
class SimRateLimitTest extends SimHttpTestBase {

    private static RateLimitSpec small(int weight, int orders10s) {
        return new RateLimitSpec(weight, orders10s, 1000, 2, Duration.ofMinutes(2), Duration.ofDays(3));
    }

    @Test
    void overTheWeightLimitIs429ThenIgnoringRetryAfterIs418WithEscalatingBans() {
        try (SimServer s = new SimServer(system, SimFixtures.config().rateLimits(small(25, 100)).build())) {
            s.wall.advance(15_000); // 45 s left in the minute
            for (int i = 1; i <= 5; i++) {
                SimServer.Reply r = s.get("/api/v3/depth", params("symbol", "BTCUSDT")); // weight 5
                assertEquals(200, r.status());
                assertEquals(Integer.toString(5 * i), r.header("X-MBX-USED-WEIGHT-1M"));
            }
            SimServer.Reply limited = s.get("/api/v3/time", Map.of());
            assertEquals(429, limited.status());
            assertEquals(-1003, limited.code());
            assertEquals("Too much request weight used; current limit is 25 request weight per 1 MINUTE. "
                    + "Please use WebSocket Streams for live updates to avoid polling the API.", limited.msg());
            assertEquals("45", limited.header("Retry-After"), "seconds to the end of the minute");
            s.wall.advance(5_000);
            SimServer.Reply ignored = s.get("/api/v3/time", Map.of());
            assertEquals(429, ignored.status(), "first request sent while told to wait");
            assertEquals("40", ignored.header("Retry-After"));
            SimServer.Reply banned = s.get("/api/v3/time", Map.of());
            assertEquals(418, banned.status(), "second: banned");
            assertEquals(-1003, banned.code());
            assertEquals("120", banned.header("Retry-After"), "the first ban lasts 2 minutes");
            long until = s.wall.millis() + 120_000;
            assertEquals("Way too much request weight used; IP banned until " + until + ". Please use WebSocket Streams for live updates to avoid bans.",
                    banned.msg());
            s.wall.advance(60_000);
            SimServer.Reply stillBanned = s.get("/api/v3/ping", Map.of());
            assertEquals(418, stillBanned.status());
            assertEquals("60", stillBanned.header("Retry-After"));
            s.wall.advance(60_000);
            assertEquals(200, s.get("/api/v3/ping", Map.of()).status(), "the ban is over");
            // Repeat offence: the next ban doubles.
            for (int i = 0; i < 24; i++) {
                s.get("/api/v3/ping", Map.of());
            }
            assertEquals(429, s.get("/api/v3/ping", Map.of()).status());
            s.get("/api/v3/ping", Map.of());
            SimServer.Reply second = s.get("/api/v3/ping", Map.of());
            assertEquals(418, second.status());
            assertEquals("240", second.header("Retry-After"));
        }
    }

    @Test
    void weightResetsWithTheNextMinute() {
        try (SimServer s = new SimServer(system, SimFixtures.config().rateLimits(small(20, 100)).build())) {
            assertEquals(200, s.get("/api/v3/exchangeInfo", Map.of()).status());
            assertEquals(429, s.get("/api/v3/ping", Map.of()).status());
            s.wall.advance(60_000);
            SimServer.Reply r = s.get("/api/v3/ping", Map.of());
            assertEquals(200, r.status());
            assertEquals("1", r.header("X-MBX-USED-WEIGHT-1M"));
        }
    }

    @Test
    void tooManyOrdersIs429Minus1015WithOrderCountHeaders() {
        try (SimServer s = new SimServer(system, SimFixtures.config().rateLimits(small(6000, 3)).build())) {
            for (int i = 1; i <= 3; i++) {
                SimServer.Reply r = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                        "timeInForce", "GTC", "quantity", "0.01", "price", "20000"));
                assertEquals(200, r.status());
                assertEquals(Integer.toString(i), r.header("X-MBX-ORDER-COUNT-10S"));
                assertEquals(Integer.toString(i), r.header("X-MBX-ORDER-COUNT-1D"));
            }
            SimServer.Reply r = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                    "timeInForce", "GTC", "quantity", "0.01", "price", "20000"));
            assertEquals(429, r.status());
            assertEquals(-1015, r.code());
            assertEquals("Too many new orders; current limit is 3 orders per 10 SECOND.", r.msg());
            assertEquals("10", r.header("Retry-After"));
            assertEquals(3, s.sim.snapshot().orders().size(), "the refused order was not placed");
            s.wall.advance(10_000);
            SimServer.Reply next = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                    "timeInForce", "GTC", "quantity", "0.01", "price", "20000"));
            assertEquals(200, next.status());
            assertEquals("1", next.header("X-MBX-ORDER-COUNT-10S"));
            assertEquals("4", next.header("X-MBX-ORDER-COUNT-1D"));
            assertTrue(s.get("/api/v3/ping", Map.of()).header("X-MBX-ORDER-COUNT-10S") == null, "order counts only on order answers");
        }
    }

    @Test
    void shorterWindowsAreAdvertisedCountedAndNamedAsBinanceWouldAndEveryRefusalIsCounted() {
        RateLimitSpec spec = new RateLimitSpec(10, 2, 1000, 2, Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withWindows(Duration.ofSeconds(10), Duration.ofSeconds(2));
        try (SimServer s = new SimServer(system, SimFixtures.config().rateLimits(spec).build())) {
            s.wall.advance(4_000); // 6 s left in the 10 s weight window, 0 in the 2 s order window
            SimServer.Reply info = s.get("/api/v3/exchangeInfo", params("symbol", "BTCUSDT"));
            assertEquals(429, info.status(), "exchangeInfo weighs 20, more than the 10 allowed");
            assertEquals("Too much request weight used; current limit is 10 request weight per 10 SECOND. "
                    + "Please use WebSocket Streams for live updates to avoid polling the API.", info.msg());
            assertEquals("6", info.header("Retry-After"));
            assertEquals("20", info.header("X-MBX-USED-WEIGHT-10S"));
            assertEquals(null, info.header("X-MBX-USED-WEIGHT-1M"));
            s.wall.advance(6_000);
            SimServer.Reply ok = s.get("/api/v3/exchangeInfo", params("symbol", "BTCUSDT"));
            assertEquals(429, ok.status(), "still 20 > 10 in a fresh window");
            s.wall.advance(10_000);
            SimServer.Reply ping = s.get("/api/v3/ping", Map.of());
            assertEquals(200, ping.status());
            assertEquals("1", ping.header("X-MBX-USED-WEIGHT-10S"));
            for (int i = 1; i <= 3; i++) {
                SimServer.Reply r = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                        "timeInForce", "GTC", "quantity", "0.01", "price", "20000", "newClientOrderId", "w" + i));
                assertEquals(i <= 2 ? 200 : 429, r.status(), "order " + i);
                assertEquals(Integer.toString(Math.min(i, 2)), r.header("X-MBX-ORDER-COUNT-2S"));
                if (i == 3) {
                    assertEquals("Too many new orders; current limit is 2 orders per 2 SECOND.", r.msg());
                }
            }
            assertEquals(new dev.trader.execution.sim.rest.RateLimitStats(2, 0, 0, 0, 1), s.sim.rateLimitStats());
        }
        RateLimitSpec roomy = new RateLimitSpec(100, 2, 1000, 2, Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withWindows(Duration.ofSeconds(10), Duration.ofSeconds(2));
        try (SimServer s = new SimServer(system, SimFixtures.config().rateLimits(roomy).build())) {
            com.fasterxml.jackson.databind.JsonNode limits = s.get("/api/v3/exchangeInfo", Map.of()).body().path("rateLimits");
            assertEquals("SECOND", limits.get(0).path("interval").asText());
            assertEquals(10, limits.get(0).path("intervalNum").asInt());
            assertEquals("SECOND", limits.get(1).path("interval").asText());
            assertEquals(2, limits.get(1).path("intervalNum").asInt());
            assertEquals("DAY", limits.get(2).path("interval").asText());
        }
        assertEquals("2M", RateLimitSpec.headerSuffix(Duration.ofMinutes(2)));
        assertEquals("1H", RateLimitSpec.headerSuffix(Duration.ofHours(1)));
        assertEquals("90S", RateLimitSpec.headerSuffix(Duration.ofSeconds(90)));
    }
}
