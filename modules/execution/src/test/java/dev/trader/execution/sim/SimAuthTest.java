package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.execution.sim.rest.HmacSha256;
import org.junit.jupiter.api.Test;

/** Each of Binance's authentication and timing errors, over HTTP, with Binance's codes, messages and statuses. */
class SimAuthTest extends SimHttpTestBase {

    private static String signedQuery(String q) {
        return q + "&signature=" + HmacSha256.sign(SimFixtures.SECRET, q);
    }

    @Test
    void missingApiKeyIsMinus2014() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/account", signedQuery("timestamp=" + s.wall.millis()), null, null);
            assertEquals(401, r.status());
            assertEquals(-2014, r.code());
            assertEquals("API-key format invalid.", r.msg());
            assertNotNull(r.header("X-MBX-USED-WEIGHT-1M"), "every answer carries the used weight");
        }
    }

    @Test
    void unknownApiKeyIsMinus2015() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/account", signedQuery("timestamp=" + s.wall.millis()), null, "not-a-key");
            assertEquals(401, r.status());
            assertEquals(-2015, r.code());
            assertEquals("Invalid API-key, IP, or permissions for action.", r.msg());
        }
    }

    @Test
    void missingSignatureIsMinus1102NamingIt() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/account", "timestamp=" + s.wall.millis(), null, SimFixtures.API_KEY);
            assertEquals(400, r.status());
            assertEquals(-1102, r.code());
            assertEquals("Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", r.msg());
        }
    }

    @Test
    void wrongSignatureIsMinus1022() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            String q = "timestamp=" + s.wall.millis();
            SimServer.Reply r = s.raw("GET", "/api/v3/account", q + "&signature=" + HmacSha256.sign("other-secret", q), null, SimFixtures.API_KEY);
            assertEquals(400, r.status());
            assertEquals(-1022, r.code());
            assertEquals("Signature for this request is not valid.", r.msg());
        }
    }

    @Test
    void missingTimestampIsMinus1102() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/account", signedQuery("recvWindow=5000"), null, SimFixtures.API_KEY);
            assertEquals(-1102, r.code());
            assertEquals("Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.", r.msg());
        }
    }

    @Test
    void timestampOlderThanRecvWindowIsMinus1021() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            long ts = s.wall.millis() - 5001;
            SimServer.Reply r = s.raw("GET", "/api/v3/account", signedQuery("timestamp=" + ts), null, SimFixtures.API_KEY);
            assertEquals(400, r.status());
            assertEquals(-1021, r.code());
            assertEquals("Timestamp for this request is outside of the recvWindow.", r.msg());
            // exactly recvWindow old is still inside (serverTime - timestamp <= recvWindow)
            SimServer.Reply ok = s.raw("GET", "/api/v3/account", signedQuery("recvWindow=10000&timestamp=" + (s.wall.millis() - 10000)), null,
                    SimFixtures.API_KEY);
            assertEquals(200, ok.status(), ok.body().toString());
        }
    }

    @Test
    void timestampASecondAheadIsMinus1021() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply ahead = s.raw("GET", "/api/v3/account", signedQuery("timestamp=" + (s.wall.millis() + 1000)), null, SimFixtures.API_KEY);
            assertEquals(-1021, ahead.code());
            assertEquals("Timestamp for this request was 1000ms ahead of the server's time.", ahead.msg());
            SimServer.Reply justBelow = s.raw("GET", "/api/v3/account", signedQuery("timestamp=" + (s.wall.millis() + 999)), null, SimFixtures.API_KEY);
            assertEquals(200, justBelow.status());
        }
    }

    @Test
    void recvWindowAboveTheMaximumIsMinus1131() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/account", signedQuery("recvWindow=60001&timestamp=" + s.wall.millis()), null, SimFixtures.API_KEY);
            assertEquals(-1131, r.code());
            assertTrue(r.msg().startsWith("recvWindow must be less than"), r.msg());
        }
    }

    @Test
    void userStreamNeedsAKeyButNoSignature() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            assertEquals(-2014, s.raw("POST", "/api/v3/userDataStream", null, null, null).code());
            SimServer.Reply ok = s.raw("POST", "/api/v3/userDataStream", null, null, SimFixtures.API_KEY);
            assertEquals(200, ok.status());
            assertEquals(64, ok.body().get("listenKey").asText().length());
        }
    }

    @Test
    void duplicateParameterIsMinus1101AndStillCountsWeight() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply r = s.raw("GET", "/api/v3/depth", "symbol=BTCUSDT&symbol=ETHUSDT", null, null);
            assertEquals(-1101, r.code());
            assertEquals("Duplicate values for a parameter detected.", r.msg());
            assertEquals("5", r.header("X-MBX-USED-WEIGHT-1M"));
        }
    }
}
