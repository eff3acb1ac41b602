package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.SimOrderStatus;
import dev.trader.execution.sim.exchange.TradeView;
import dev.trader.execution.sim.market.SimBar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders placed over HTTP and traded by the replay of real BTCUSDT candles, checked against the candles. */
class SimMatchingTest extends SimHttpTestBase {
    private static final List<SimBar> BARS = SimFixtures.btcBars();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual.toPlainString());
    }

    private static void assertAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), "expected " + expected.toPlainString() + " but was " + actual.toPlainString());
    }

    private static BigDecimal round8(BigDecimal v) {
        return v.setScale(8, RoundingMode.HALF_UP);
    }

    @Test
    void marketOrderFillsAtTheNextBarsOpenAsTaker() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply placed = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                    "quantity", "0.01", "newClientOrderId", "mkt-1"));
            assertEquals(200, placed.status(), placed.body().toString());
            JsonNode p = placed.body();
            assertEquals("NEW", p.get("status").asText(), "nothing trades before the next bar");
            assertEquals(0, p.get("fills").size(), "MARKET defaults to FULL: fills present, empty");
            assertEquals(BARS.get(0).openTime(), p.get("transactTime").asLong(), "transactTime is market time");
            assertTrue(s.sim.snapshot().balance("USDT").locked().signum() > 0, "a market buy locks quote");

            s.sim.step();

            SimBar bar = BARS.get(0);
            JsonNode q = s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "mkt-1")).body();
            assertEquals("FILLED", q.get("status").asText());
            assertEquals("0.01000000", q.get("executedQty").asText());
            BigDecimal quote = round8(bar.open().multiply(d("0.01")));
            assertAmount(quote, new BigDecimal(q.get("cummulativeQuoteQty").asText()));
            JsonNode trades = s.signed("GET", "/api/v3/myTrades", params("symbol", "BTCUSDT")).body();
            assertEquals(1, trades.size());
            JsonNode t = trades.get(0);
            assertAmount(bar.open(), new BigDecimal(t.get("price").asText()));
            assertAmount(round8(quote.multiply(d("0.002"))), new BigDecimal(t.get("commission").asText()));
            assertEquals("USDT", t.get("commissionAsset").asText());
            assertFalse(t.get("isMaker").asBoolean());
            assertTrue(t.get("isBuyer").asBoolean());
            assertEquals(bar.openTime(), t.get("time").asLong());
            LedgerSnapshot snap = s.sim.snapshot();
            assertAmount("2.01", snap.balance("BTC").free());
            assertAmount(d("100000").subtract(quote).subtract(round8(quote.multiply(d("0.002")))), snap.balance("USDT").free());
            assertAmount("0", snap.balance("USDT").locked());
        }
    }

    @Test
    void latencyDelaysTheFirstBarAnOrderMayTradeIn() {
        try (SimServer s = new SimServer(system, SimFixtures.config().latency(Duration.ofSeconds(90)).build())) {
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "SELL", "type", "MARKET", "quantity", "0.01"));
            s.sim.step();
            s.sim.step();
            assertTrue(s.sim.snapshot().trades().isEmpty(), "accepted at t0, eligible from t0+90s: bars t0 and t0+60s are too early");
            s.sim.step();
            TradeView t = s.sim.snapshot().trades().get(0);
            assertEquals(BARS.get(2).openTime(), t.time());
            assertAmount(BARS.get(2).open(), t.price());
        }
    }

    @Test
    void restingLimitFillsInPartsByParticipationAtTheMakerFee() {
        try (SimServer s = new SimServer(system, SimFixtures.config().maxParticipation("0.001").build())) {
            s.sim.step(); // bar 0 is history; the order rests from bar 1 on
            BigDecimal price = d("24912.00");
            BigDecimal qty = d("0.5");
            JsonNode placed = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.5", "price", "24912.00", "newOrderRespType", "RESULT")).body();
            long orderId = placed.get("orderId").asLong();
            assertFalse(placed.has("fills"), "RESULT has no fills");
            // The oracle: walk the same candles with the rules (reached at the open: at the open; in the range: at the price).
            List<BigDecimal[]> expected = new ArrayList<>();
            BigDecimal remaining = qty;
            for (int i = 1; i < BARS.size() && remaining.signum() > 0; i++) {
                SimBar b = BARS.get(i);
                BigDecimal cap = b.volume().multiply(d("0.001")).divide(d("0.00001"), 0, RoundingMode.FLOOR).multiply(d("0.00001"));
                BigDecimal at = b.open().compareTo(price) <= 0 ? b.open() : b.low().compareTo(price) <= 0 ? price : null;
                if (at != null) {
                    BigDecimal q = remaining.min(cap);
                    expected.add(new BigDecimal[] {at, q, BigDecimal.valueOf(i)});
                    remaining = remaining.subtract(q);
                }
            }
            assertTrue(expected.size() >= 2, "the fixture must fill this order in parts");
            boolean sawPartial = false;
            for (int i = 1; i <= expected.get(expected.size() - 1)[2].intValue(); i++) {
                s.sim.step();
                String status = s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "orderId", Long.toString(orderId))).body().get("status").asText();
                sawPartial |= status.equals("PARTIALLY_FILLED");
            }
            assertTrue(sawPartial);
            LedgerSnapshot snap = s.sim.snapshot();
            assertEquals(SimOrderStatus.FILLED, snap.order(orderId).orElseThrow().status());
            List<TradeView> trades = snap.tradesOf(orderId);
            assertEquals(expected.size(), trades.size());
            for (int k = 0; k < trades.size(); k++) {
                TradeView t = trades.get(k);
                assertAmount(expected.get(k)[0], t.price());
                assertAmount(expected.get(k)[1], t.qty());
                assertEquals(BARS.get(expected.get(k)[2].intValue()).openTime(), t.time());
                assertTrue(t.isMaker(), "it rested on the book first");
                assertAmount(round8(t.quoteQty().multiply(d("0.001"))), t.commission());
            }
            assertAmount("0", snap.balance("USDT").locked());
        }
    }

    @Test
    void sellStopTriggersInTheRangeAtItsStopPrice() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.sim.step();
            BigDecimal stop = d("24912.00");
            long id = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "SELL", "type", "STOP_LOSS", "quantity", "0.1",
                    "stopPrice", "24912.00")).body().get("orderId").asLong();
            int bar = 1;
            while (BARS.get(bar).low().compareTo(stop) > 0) {
                bar++;
            }
            for (int i = 1; i <= bar; i++) {
                assertTrue(s.sim.snapshot().trades().isEmpty(), "no trade before bar " + bar);
                s.sim.step();
            }
            TradeView t = s.sim.snapshot().tradesOf(id).get(0);
            BigDecimal expectedPrice = BARS.get(bar).open().compareTo(stop) <= 0 ? BARS.get(bar).open() : stop;
            assertAmount(expectedPrice, t.price());
            assertAmount("0.1", t.qty());
            assertFalse(t.isMaker());
            assertAmount(round8(t.quoteQty().multiply(d("0.002"))), t.commission());
            OrderView o = s.sim.snapshot().order(id).orElseThrow();
            assertEquals(SimOrderStatus.FILLED, o.status());
            assertEquals(BARS.get(bar).openTime(), o.workingTime(), "a stop starts working when it triggers");
        }
    }

    @Test
    void buyStopThatTheOpenGappedThroughFillsAtTheOpen() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.sim.step(); // last close 24934.20; bar 1 opens at 24935.60
            long id = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "STOP_LOSS", "quantity", "0.1",
                    "stopPrice", "24935.00")).body().get("orderId").asLong();
            s.sim.step();
            assertAmount(BARS.get(1).open(), s.sim.snapshot().tradesOf(id).get(0).price());
        }
    }

    @Test
    void stopLimitBecomesALimitWhenTriggered() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.sim.step();
            JsonNode placed = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "STOP_LOSS_LIMIT",
                    "timeInForce", "GTC", "quantity", "0.1", "price", "24960.00", "stopPrice", "24950.00")).body();
            assertFalse(placed.has("status"), "STOP_LOSS_LIMIT defaults to ACK");
            long id = placed.get("orderId").asLong();
            assertEquals(-1, s.sim.snapshot().order(id).orElseThrow().workingTime());
            int bar = 1;
            while (BARS.get(bar).high().compareTo(d("24950")) < 0) {
                bar++;
            }
            s.sim.step(bar);
            TradeView t = s.sim.snapshot().tradesOf(id).get(0);
            assertEquals(BARS.get(bar).openTime(), t.time());
            BigDecimal expected = BARS.get(bar).open().compareTo(d("24960")) <= 0 && BARS.get(bar).open().compareTo(d("24950")) >= 0
                    ? BARS.get(bar).open() : d("24960");
            assertAmount(expected, t.price());
        }
    }

    @Test
    void stopThatWouldTriggerImmediatelyIsRefused() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.sim.step(); // last price 24934.20
            LedgerSnapshot before = s.sim.snapshot();
            SimServer.Reply sell = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "SELL", "type", "STOP_LOSS",
                    "quantity", "0.1", "stopPrice", "24940.00"));
            assertEquals(400, sell.status());
            assertEquals(-2010, sell.code());
            assertEquals("Order would trigger immediately.", sell.msg());
            SimServer.Reply buy = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "STOP_LOSS_LIMIT",
                    "timeInForce", "GTC", "quantity", "0.1", "price", "24931.00", "stopPrice", "24930.00"));
            assertEquals(-2010, buy.code());
            assertEquals(before, s.sim.snapshot(), "a refused order leaves no trace");
        }
    }

    @Test
    void cancelReleasesTheLockAndASecondCancelIsUnknown() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "1", "price", "20000.00", "newClientOrderId", "far-below"));
            assertAmount("20040", s.sim.snapshot().balance("USDT").locked()); // 20000 × (1 + 0.2% commission reserve)
            s.sim.step(3);
            SimServer.Reply c = s.signed("DELETE", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "far-below",
                    "newClientOrderId", "my-cancel"));
            assertEquals(200, c.status(), c.body().toString());
            assertEquals("CANCELED", c.body().get("status").asText());
            assertEquals("far-below", c.body().get("origClientOrderId").asText());
            assertEquals("my-cancel", c.body().get("clientOrderId").asText());
            assertEquals(BARS.get(3).openTime(), c.body().get("transactTime").asLong());
            LedgerSnapshot snap = s.sim.snapshot();
            assertAmount("0", snap.balance("USDT").locked());
            assertAmount("100000", snap.balance("USDT").free());
            SimServer.Reply again = s.signed("DELETE", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "far-below"));
            assertEquals(-2011, again.code());
            assertEquals("Unknown order sent.", again.msg());
            assertEquals("CANCELED", s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "far-below"))
                    .body().get("status").asText());
            assertEquals(0, s.signed("GET", "/api/v3/openOrders", params("symbol", "BTCUSDT")).body().size());
        }
    }

    @Test
    void iocLimitNotMarketableAtItsFirstOpenExpires() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            long id = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "IOC",
                    "quantity", "0.1", "price", "24896.30")).body().get("orderId").asLong(); // bar 0: open 24899.18, low 24896.29
            s.sim.step();
            LedgerSnapshot snap = s.sim.snapshot();
            assertEquals(SimOrderStatus.EXPIRED, snap.order(id).orElseThrow().status(), "the range reached it, but IOC only has the open");
            assertTrue(snap.trades().isEmpty());
            assertAmount("0", snap.balance("USDT").locked());
        }
    }

    @Test
    void fokLimitLargerThanTheBarAllowsExpiresUntouched() {
        try (SimServer s = new SimServer(system, SimFixtures.config().maxParticipation("0.0001").build())) {
            long id = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "FOK",
                    "quantity", "0.5", "price", "25000.00")).body().get("orderId").asLong(); // marketable, but 0.01% of 293 BTC < 0.5
            s.sim.step();
            assertEquals(SimOrderStatus.EXPIRED, s.sim.snapshot().order(id).orElseThrow().status());
            assertTrue(s.sim.snapshot().trades().isEmpty());
        }
    }

    @Test
    void quoteOrderQtyMarketBuySpendsAtMostTheQuoteAmount() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            long id = s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quoteOrderQty", "1000"))
                    .body().get("orderId").asLong();
            s.sim.step();
            OrderView o = s.sim.snapshot().order(id).orElseThrow();
            assertEquals(SimOrderStatus.FILLED, o.status());
            BigDecimal qty = d("1000").divide(BARS.get(0).open(), 5, RoundingMode.FLOOR);
            assertAmount(qty, o.executedQty());
            assertTrue(o.cummulativeQuoteQty().compareTo(d("1000")) <= 0);
            assertAmount(o.executedQty(), o.origQty());
        }
    }

    @Test
    void cancelAllOpenOrdersOfASymbol() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "20000.00", "newClientOrderId", "x1"));
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "30000.00", "newClientOrderId", "x2"));
            s.signed("POST", "/api/v3/order", params("symbol", "ETHUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.1", "price", "3000.00", "newClientOrderId", "e1"));
            JsonNode canceled = s.signed("DELETE", "/api/v3/openOrders", params("symbol", "BTCUSDT")).body();
            assertEquals(2, canceled.size());
            assertEquals("x1", canceled.get(0).get("origClientOrderId").asText());
            assertEquals("CANCELED", canceled.get(1).get("status").asText());
            assertEquals(1, s.signed("GET", "/api/v3/openOrders", Map.of()).body().size(), "ETHUSDT untouched");
            assertEquals(-2011, s.signed("DELETE", "/api/v3/openOrders", params("symbol", "BTCUSDT")).code());
            assertAmount("2", s.sim.snapshot().balance("BTC").free());
        }
    }
}
