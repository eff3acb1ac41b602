package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's API answers for the bot's unit tests, in the shapes of src-shared/api/schemas (the
 * app's TelegramDemoTest runs the bot against a real node). Records the writes it was asked for.
 */
final class CannedTrader implements TraderControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<String> writes = new CopyOnWriteArrayList<>();
    volatile boolean killSwitch;
    volatile String signals = "{\"items\":[],\"nextCursor\":null,\"total\":0}";

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JsonNode status() {
        return json("""
                {"mode":"paper","node":"node-1","clusterMembers":["pekko://trader@127.0.0.1:25520 Up"],"entities":{},
                 "instruments":[{"id":"binance:BTCUSDT","lastBarTime":"2023-03-20T10:00:00Z","lastClose":"28000.5","barsAccepted":10,"barsRejected":0,"rejectionsByReason":{}}],
                 "account":{"id":"account","currency":"USDT","initialCapital":"100000","cash":"99000","equity":"101000.25","killSwitch":false},
                 "risk":{"model":"prop-firm","tradingDay":"2023-03-20","equity":"101000.25","dailyFloor":{"level":"96000","distance":"5000.25","reached":false},
                         "overallFloor":{"level":"90000","distance":"11000.25","reached":false},"halted":false,"killSwitch":{"global":%s,"strategies":[]}},
                 "openPositions":[]}""".formatted(killSwitch));
    }

    @Override
    public JsonNode metrics(Instant from) {
        return json("{\"win_rate\":\"0.5\",\"profit_factor\":\"1.2\",\"expected_R\":\"0.1\",\"pnl_by_day\":{\"2023-03-19\":\"-10.5\",\"2023-03-20\":\"30.25\"}}");
    }

    @Override
    public JsonNode positions() {
        return json("[{\"positionId\":\"p1\",\"instrument\":\"binance:BTCUSDT\",\"strategy\":\"ema\",\"side\":\"LONG\",\"quantity\":\"0.1\","
                + "\"averagePrice\":\"27000\",\"lastPrice\":\"28000\",\"unrealizedPnl\":\"100\",\"realizedPnl\":\"0\",\"fees\":\"1\"}]");
    }

    @Override
    public JsonNode strategies() {
        return json("[{\"id\":\"ema\"},{\"id\":\"rsi\"}]");
    }

    @Override
    public JsonNode threshold(String strategy, BigDecimal minConfidence) {
        writes.add("threshold " + strategy + " " + minConfidence.toPlainString());
        return json("{}");
    }

    @Override
    public JsonNode killSwitch(boolean on) {
        writes.add("kill-switch " + on);
        killSwitch = on;
        return status().path("risk");
    }

    @Override
    public JsonNode signals(int limit) {
        return json(signals);
    }

    @Override
    public JsonNode instrument(String id) {
        StringBuilder bars = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            double c = 28000 + 40 * Math.sin(i / 6.0);
            bars.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT,
                    "{\"open\":\"%.2f\",\"high\":\"%.2f\",\"low\":\"%.2f\",\"close\":\"%.2f\"}", c - 5, c + 12, c - 15, c + 5));
        }
        return json("{\"instrument\":\"" + id + "\",\"recentBars\":" + bars + "]}");
    }
}
