package dev.trader.marketdata.binance;

import static dev.trader.marketdata.binance.JsonFields.bool;
import static dev.trader.marketdata.binance.JsonFields.field;
import static dev.trader.marketdata.binance.JsonFields.id;
import static dev.trader.marketdata.binance.JsonFields.price;
import static dev.trader.marketdata.binance.JsonFields.quantity;
import static dev.trader.marketdata.binance.JsonFields.text;
import static dev.trader.marketdata.binance.JsonFields.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.BarDefect;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.RejectReason;
import dev.trader.marketdata.binance.BinanceEvent.Kline;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the payload of a kline stream ({@code {"e":"kline","E":..,"s":..,"k":{..}}}). Besides
 * the types, it holds the candle to the rules a {@link Bar} has (the domain's
 * {@link Bar#defect}), to its interval (aligned open, close one interval later) and to its
 * stream (symbol and interval as named), so that a closed kline always converts to a bar.
 */
final class KlinePayload {
    static final String STREAM_PREFIX = "kline_";

    private KlinePayload() {
    }

    /**
     * @param stream       the stream name, for messages
     * @param streamInterval the interval the stream name carries ({@code 1m} of {@code kline_1m})
     * @param symbol       the payload's {@code s}, already checked against the stream
     */
    static Kline parse(String stream, String streamInterval, String symbol, JsonNode data) throws FrameRejected {
        JsonNode k = field(data, "k");
        if (!k.isObject()) {
            throw new FrameRejected("stream " + stream + ": 'k' must be an object but was " + k.getNodeType());
        }
        Timeframe interval = interval(text(k, "i"));
        if (!interval.label().equals(streamInterval)) {
            throw new FrameRejected(FrameRejected.UNKNOWN_INTERVAL, "stream " + stream + " carries a kline of interval " + interval.label());
        }
        String candleSymbol = text(k, "s");
        if (!candleSymbol.equals(symbol)) {
            throw new FrameRejected(FrameRejected.SYMBOL_MISMATCH, "stream " + stream + ": kline symbol " + candleSymbol + " differs from " + symbol);
        }
        Instant open = time(k, "t");
        Instant close = time(k, "T");
        if (!close.equals(open.plus(interval.duration()).minusMillis(1))) {
            throw new FrameRejected("stream " + stream + ": close time T=" + close.toEpochMilli() + " is not open time t="
                    + open.toEpochMilli() + " + " + interval.label() + " - 1 ms");
        }
        tradeIds(stream, k);
        Price o = price(k, "o");
        Price h = price(k, "h");
        Price l = price(k, "l");
        Price c = price(k, "c");
        Optional<BarDefect> defect = Bar.defect(interval, open, o, h, l, c);
        if (defect.isPresent()) {
            throw new FrameRejected(RejectReason.of(defect.get()), "stream " + stream + ": " + defect.get().code() + ": open " + o
                    + ", high " + h + ", low " + l + ", close " + c + ", open time " + open);
        }
        Quantity volume = quantity(k, "v");
        Quantity takerBuyVolume = quantity(k, "V");
        if (takerBuyVolume.compareTo(volume) > 0) {
            throw new FrameRejected("stream " + stream + ": taker buy volume V=" + takerBuyVolume + " exceeds the volume v=" + volume);
        }
        quantity(k, "q");
        quantity(k, "Q");
        return new Kline(symbol, interval, time(data, "E"), open, close, o, h, l, c, volume, id(k, "n"), bool(k, "x"));
    }

    private static Timeframe interval(String label) throws FrameRejected {
        try {
            return Timeframe.ofLabel(label);
        } catch (IllegalArgumentException e) {
            String shown = label.length() <= 16 ? label : label.substring(0, 16) + "…";
            throw new FrameRejected(FrameRejected.UNKNOWN_INTERVAL, "kline interval '" + shown + "' is not one of 1m, 5m, 15m, 1h, 4h, 1d");
        }
    }

    /** First and last trade id: both -1 in a candle without trades, else an ordered pair of ids. */
    private static void tradeIds(String stream, JsonNode k) throws FrameRejected {
        JsonNode f = field(k, "f");
        JsonNode last = field(k, "L");
        if (f.isIntegralNumber() && last.isIntegralNumber() && f.asLong() == -1 && last.asLong() == -1) {
            return;
        }
        long first = id(k, "f");
        long lastId = id(k, "L");
        if (lastId < first) {
            throw new FrameRejected("stream " + stream + ": last trade id L=" + lastId + " is before the first f=" + first);
        }
    }
}
