package dev.trader.execution.sim.market;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.execution.sim.api.Decimals;

/**
 * Binance's kline event ({@code <symbol>@kline_1m}) of a closed bar, field for field. Trade ids:
 * a replayed candle has no trade ids, so {@code f}/{@code L} number the bar's {@code n} trades
 * from {@code firstTradeId} on (-1/-1 when the count is unknown or 0, as Binance shows a kline
 * without trades).
 */
public final class KlinePayload {
    private KlinePayload() {
    }

    public static String json(SimBar bar, long eventTime, long firstTradeId) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("e", "kline");
        root.put("E", eventTime);
        root.put("s", bar.symbol());
        ObjectNode k = root.putObject("k");
        k.put("t", bar.openTime());
        k.put("T", bar.closeTime());
        k.put("s", bar.symbol());
        k.put("i", "1m");
        k.put("f", bar.trades() > 0 ? firstTradeId : -1);
        k.put("L", bar.trades() > 0 ? firstTradeId + bar.trades() - 1 : -1);
        k.put("o", Decimals.wire(bar.open()));
        k.put("c", Decimals.wire(bar.close()));
        k.put("h", Decimals.wire(bar.high()));
        k.put("l", Decimals.wire(bar.low()));
        k.put("v", Decimals.wire(bar.volume()));
        k.put("n", bar.trades());
        k.put("x", true);
        k.put("q", Decimals.wire(bar.quoteVolume()));
        k.put("V", Decimals.wire(bar.takerBuyBaseVolume()));
        k.put("Q", Decimals.wire(bar.takerBuyQuoteVolume()));
        k.put("B", "0");
        return root.toString();
    }
}
