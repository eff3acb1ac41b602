package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.execution.sim.market.SimBar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public endpoints and the kline stream over real BTCUSDT/ETHUSDT candles: Binance's formats, and never the future. */
class SimMarketDataTest extends SimHttpTestBase {
    private static final List<SimBar> BTC = SimFixtures.btcBars();

    @Test
    void pingTimeAndExchangeInfo() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            SimServer.Reply ping = s.get("/api/v3/ping", Map.of());
            assertEquals("{}", ping.body().toString());
            assertEquals("1", ping.header("X-MBX-USED-WEIGHT-1M"));
            assertEquals(SimFixtures.WALL_START, s.get("/api/v3/time", Map.of()).body().get("serverTime").asLong(), "server time is the wall clock");
            SimServer.Reply info = s.get("/api/v3/exchangeInfo", Map.of());
            assertEquals("22", info.header("X-MBX-USED-WEIGHT-1M"), "ping 1 + time 1 + exchangeInfo 20");
            JsonNode limits = info.body().get("rateLimits");
            assertEquals("REQUEST_WEIGHT", limits.get(0).get("rateLimitType").asText());
            assertEquals("MINUTE", limits.get(0).get("interval").asText());
            assertEquals(6000, limits.get(0).get("limit").asInt());
            assertEquals(10, limits.get(1).get("intervalNum").asInt());
            assertEquals(100, limits.get(1).get("limit").asInt());
            assertEquals(200000, limits.get(2).get("limit").asInt());
            JsonNode btc = info.body().get("symbols").get(0);
            assertEquals("BTCUSDT", btc.get("symbol").asText());
            assertEquals("TRADING", btc.get("status").asText());
            assertEquals("BTC", btc.get("baseAsset").asText());
            assertEquals("USDT", btc.get("quoteAsset").asText());
            assertEquals("[\"LIMIT\",\"MARKET\",\"STOP_LOSS\",\"STOP_LOSS_LIMIT\"]", btc.get("orderTypes").toString());
            JsonNode filters = btc.get("filters");
            assertEquals("PRICE_FILTER", filters.get(0).get("filterType").asText());
            assertEquals("0.01000000", filters.get(0).get("tickSize").asText());
            assertEquals("LOT_SIZE", filters.get(1).get("filterType").asText());
            assertEquals("0.00001000", filters.get(1).get("stepSize").asText());
            assertEquals("0.00001000", filters.get(1).get("minQty").asText());
            assertEquals("NOTIONAL", filters.get(2).get("filterType").asText());
            assertEquals("5.00000000", filters.get(2).get("minNotional").asText());
            SimServer.Reply one = s.get("/api/v3/exchangeInfo", Map.of("symbol", "ETHUSDT"));
            assertEquals(1, one.body().get("symbols").size());
            assertEquals(-1121, s.get("/api/v3/exchangeInfo", Map.of("symbol", "NOPE")).code());
            assertEquals(2, s.get("/api/v3/exchangeInfo", Map.of("symbols", "[\"BTCUSDT\",\"ETHUSDT\"]")).body().get("symbols").size());
        }
    }

    @Test
    void klinesShowOnlyClosedBarsInBinancesArrayFormat() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            assertEquals(0, s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m")).body().size(), "nothing has closed yet");
            s.sim.step(5);
            JsonNode all = s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m")).body();
            assertEquals(5, all.size(), "the 715 bars still ahead are the future");
            JsonNode k = all.get(4);
            SimBar b = BTC.get(4);
            assertEquals(b.openTime(), k.get(0).asLong());
            assertEquals("24952.06000000", k.get(1).asText());
            assertEquals("24980.48000000", k.get(2).asText());
            assertEquals("24952.06000000", k.get(3).asText());
            assertEquals("24975.61000000", k.get(4).asText());
            assertEquals("331.46134000", k.get(5).asText());
            assertEquals(b.openTime() + 59_999, k.get(6).asLong());
            assertEquals(12, k.size());
            assertEquals("0", k.get(11).asText());
            JsonNode limited = s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m", "limit", "2")).body();
            assertEquals(BTC.get(3).openTime(), limited.get(0).get(0).asLong(), "without startTime: the most recent");
            JsonNode fromStart = s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m", "limit", "2",
                    "startTime", Long.toString(BTC.get(1).openTime()))).body();
            assertEquals(BTC.get(1).openTime(), fromStart.get(0).get(0).asLong(), "with startTime: the oldest from it");
            JsonNode window = s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m",
                    "startTime", Long.toString(BTC.get(1).openTime()), "endTime", Long.toString(BTC.get(2).openTime()))).body();
            assertEquals(2, window.size());
            assertEquals(-1120, s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "7m")).code());
            assertEquals("Invalid interval.", s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "7m")).msg());
            assertEquals(-1102, s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT")).code());
            assertEquals(-1130, s.get("/api/v3/klines", Map.of("symbol", "BTCUSDT", "interval", "1m", "limit", "1001")).code());
        }
    }

    @Test
    void depthIsAOneLevelBookAtTheLastCloseWeightedByLimit() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            s.sim.step(3);
            SimServer.Reply r = s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT"));
            assertEquals("5", r.header("X-MBX-USED-WEIGHT-1M"));
            assertEquals(3, r.body().get("lastUpdateId").asLong());
            assertEquals(0, BTC.get(2).close().compareTo(new BigDecimal(r.body().get("bids").get(0).get(0).asText())));
            assertEquals(0, BTC.get(2).close().add(new BigDecimal("0.01")).compareTo(new BigDecimal(r.body().get("asks").get(0).get(0).asText())));
            assertEquals("30", s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "500")).header("X-MBX-USED-WEIGHT-1M"));
            assertEquals("80", s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "1000")).header("X-MBX-USED-WEIGHT-1M"));
            assertEquals("330", s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "5000")).header("X-MBX-USED-WEIGHT-1M"));
            assertEquals(-1130, s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "0")).code());
            assertEquals(-1100, s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "ten")).code());
        }
    }

    @Test
    void eachStepPublishesTheClosedKlineOfEverySymbolAfterMatching() {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            String key = s.keyed("POST", "/api/v3/userDataStream", Map.of()).body().get("listenKey").asText();
            s.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01"));
            s.sim.step();
            List<String> order = new ArrayList<>();
            for (RecordingStreams.Published p : s.streams.published()) {
                order.add(p.stream().equals(key) ? "user:" + p.json().get("e").asText() : p.stream());
            }
            assertEquals(List.of("user:executionReport", "user:outboundAccountPosition", "user:executionReport", "user:outboundAccountPosition",
                    "btcusdt@kline_1m", "ethusdt@kline_1m"), order, "fills of the bar first, then its kline");
            JsonNode kline = s.streams.payloads("btcusdt@kline_1m").get(0);
            List<String> top = new ArrayList<>();
            kline.fieldNames().forEachRemaining(top::add);
            assertEquals(List.of("e", "E", "s", "k"), top);
            List<String> k = new ArrayList<>();
            kline.get("k").fieldNames().forEachRemaining(k::add);
            assertEquals(List.of("t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q", "B"), k);
            assertEquals("kline", kline.get("e").asText());
            assertEquals(BTC.get(0).openTime() + 60_000, kline.get("E").asLong(), "event time: the market clock at the close");
            assertEquals("1m", kline.get("k").get("i").asText());
            assertTrue(kline.get("k").get("x").asBoolean());
            assertEquals("24899.18000000", kline.get("k").get("o").asText());
            assertEquals("24934.20000000", kline.get("k").get("c").asText());
            assertEquals("293.13711000", kline.get("k").get("v").asText());
            assertFalse(kline.get("k").get("q").asText().isEmpty());
        }
    }

    @Test
    void replayedFramesGoOutOnTheirStreamsAndFeedTheDepth() throws Exception {
        try (SimServer s = new SimServer(system, SimFixtures.config().build())) {
            int sent = s.sim.startFrameReplay("classpath:/ticks/spot_btcusdt_20240808-first3000.jsonl.gz", Double.POSITIVE_INFINITY)
                    .finished().get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(3000, sent, "every line: 2999 frames and the REST snapshot");
            List<JsonNode> trades = s.streams.payloads("btcusdt@trade");
            assertFalse(trades.isEmpty());
            assertEquals("trade", trades.get(0).get("e").asText());
            assertEquals(3735683259L, s.streams.payloads("btcusdt@trade").get(0).get("t").asLong(), "the recorded frame's data, as recorded");
            assertFalse(s.streams.payloads("btcusdt@bookTicker").isEmpty());
            assertFalse(s.streams.payloads("btcusdt@depth@100ms").isEmpty());
            JsonNode depth = s.get("/api/v3/depth", Map.of("symbol", "BTCUSDT", "limit", "5")).body();
            assertTrue(depth.get("lastUpdateId").asLong() > 50_093_239_000L, "the recorded update id, not the bar count");
            BigDecimal bid = new BigDecimal(depth.get("bids").get(0).get(0).asText());
            BigDecimal ask = new BigDecimal(depth.get("asks").get(0).get(0).asText());
            assertTrue(bid.compareTo(ask) < 0, "a real, uncrossed book: " + depth);
            assertTrue(bid.compareTo(new BigDecimal("50000")) > 0, "2024 prices, not the 2023 candles");
        }
    }
}
