package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listen keys over REST and the user-data events published through SimStreams, field by field. */
class SimUserStreamTest extends SimHttpTestBase {
    private static final List<String> EXECUTION_REPORT_FIELDS = List.of("e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "F", "g", "C",
            "x", "X", "r", "i", "l", "z", "L", "n", "N", "T", "t", "I", "w", "m", "M", "O", "Z", "Y", "Q", "W", "V");

    private static String listenKey(SimServer s) {
        return s.keyed("POST", "/api/v3/userDataStream", Map.of()).body().get("listenKey").asText();
    }

    @Test
    void listenKeyLifecycle() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            String key = listenKey(s);
            assertEquals(key, listenKey(s), "POST with an active key returns it");
            assertEquals(200, s.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", key)).status());
            SimServer.Reply unknown = s.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", "nope"));
            assertEquals(-1125, unknown.code());
            assertEquals("This listenKey does not exist.", unknown.msg());
            assertEquals(-1102, s.keyed("PUT", "/api/v3/userDataStream", Map.of()).code());
            assertEquals(200, s.keyed("DELETE", "/api/v3/userDataStream", Map.of("listenKey", key)).status());
            assertEquals(List.of(key), s.streams.disconnects(), "closing a key closes its stream");
            assertEquals(-1125, s.keyed("DELETE", "/api/v3/userDataStream", Map.of("listenKey", key)).code());
        }
    }

    @Test
    void executionReportsAndAccountPositionsCarryBinancesFields() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            String key = listenKey(s);
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "25000.00", "newClientOrderId", "buy-1"));
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "20000.00", "newClientOrderId", "rest-1"));
            s.sim.step();
            s.signed("DELETE", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "rest-1", "newClientOrderId", "cxl-1"));

            List<JsonNode> reports = s.streams.events(key, "executionReport");
            List<String> kinds = new ArrayList<>();
            reports.forEach(r -> kinds.add(r.get("c").asText() + ":" + r.get("x").asText() + "/" + r.get("X").asText()));
            assertEquals(List.of("buy-1:NEW/NEW", "rest-1:NEW/NEW", "buy-1:TRADE/FILLED", "cxl-1:CANCELED/CANCELED"), kinds);
            for (JsonNode r : reports) {
                List<String> fields = new ArrayList<>();
                r.fieldNames().forEachRemaining(fields::add);
                assertEquals(EXECUTION_REPORT_FIELDS, fields, "field set and order of " + r);
            }
            JsonNode trade = reports.get(2);
            long bar0 = SimFixtures.btcBars().get(0).openTime();
            BigDecimal open = SimFixtures.btcBars().get(0).open();
            assertEquals("BTCUSDT", trade.get("s").asText());
            assertEquals("BUY", trade.get("S").asText());
            assertEquals("LIMIT", trade.get("o").asText());
            assertEquals("GTC", trade.get("f").asText());
            assertEquals("0.01000000", trade.get("q").asText());
            assertEquals("25000.00000000", trade.get("p").asText());
            assertEquals("0.01000000", trade.get("l").asText());
            assertEquals("0.01000000", trade.get("z").asText());
            assertEquals(0, open.compareTo(new BigDecimal(trade.get("L").asText())), "marketable at the open: fills at the open");
            assertEquals("USDT", trade.get("N").asText());
            BigDecimal quote = open.multiply(new BigDecimal("0.01")).setScale(8, java.math.RoundingMode.HALF_UP);
            assertEquals(0, quote.multiply(new BigDecimal("0.002")).setScale(8, java.math.RoundingMode.HALF_UP)
                    .compareTo(new BigDecimal(trade.get("n").asText())), "taker commission: it crossed on arrival");
            assertFalse(trade.get("m").asBoolean());
            assertEquals(0, quote.compareTo(new BigDecimal(trade.get("Y").asText())));
            assertEquals(0, quote.compareTo(new BigDecimal(trade.get("Z").asText())));
            assertEquals(bar0, trade.get("T").asLong(), "market time");
            assertEquals(bar0, trade.get("E").asLong());
            assertEquals(1, trade.get("t").asLong());
            assertEquals(-1, trade.get("g").asLong());
            assertEquals("", trade.get("C").asText());
            assertFalse(trade.get("w").asBoolean(), "a filled order is off the book");

            JsonNode newReport = reports.get(0);
            assertEquals(-1, newReport.get("t").asLong());
            assertEquals("0", newReport.get("n").asText());
            assertTrue(newReport.get("N").isNull());
            assertTrue(newReport.get("w").asBoolean());
            JsonNode cancel = reports.get(3);
            assertEquals("rest-1", cancel.get("C").asText(), "C is the canceled order's id, c the cancel's");
            assertEquals(bar0 + 60_000, cancel.get("E").asLong());

            List<JsonNode> positions = s.streams.events(key, "outboundAccountPosition");
            assertEquals(4, positions.size(), "one per balance change: 2 locks, 1 fill, 1 release");
            JsonNode afterFill = positions.get(2);
            List<String> fields = new ArrayList<>();
            afterFill.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("e", "E", "u", "B"), fields);
            assertEquals(2, afterFill.get("B").size(), "the fill touched BTC and USDT");
            assertEquals("BTC", afterFill.get("B").get(0).get("a").asText());
            assertEquals("2.01000000", afterFill.get("B").get(0).get("f").asText());
            JsonNode released = positions.get(3).get("B").get(0);
            assertEquals("USDT", released.get("a").asText());
            assertEquals(s.sim.snapshot().balance("USDT").free().compareTo(new BigDecimal(released.get("f").asText())), 0);
            assertEquals("0.00000000", released.get("l").asText());
        }
    }

    @Test
    void expiredListenKeyPublishesListenKeyExpiredThenDisconnects() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            String key = listenKey(s);
            s.wall.advance(59 * 60_000);
            assertEquals(200, s.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", key)).status(), "keep-alive extends by 60 min");
            s.wall.advance(59 * 60_000);
            s.sim.expireListenKeys();
            assertTrue(s.streams.disconnects().isEmpty());
            s.wall.advance(60_000);
            s.sim.expireListenKeys();
            List<String> log = s.streams.log();
            JsonNode expired = s.streams.events(key, "listenKeyExpired").get(0);
            assertEquals(key, expired.get("listenKey").asText());
            assertEquals(s.sim.marketTime(), expired.get("E").asLong());
            assertEquals("DISCONNECT " + key, log.get(log.size() - 1), "the expiry event, then the disconnect");
            assertEquals(-1125, s.keyed("PUT", "/api/v3/userDataStream", Map.of("listenKey", key)).code());
            String fresh = listenKey(s);
            assertFalse(fresh.equals(key), "a new key after expiry");
        }
    }
}
