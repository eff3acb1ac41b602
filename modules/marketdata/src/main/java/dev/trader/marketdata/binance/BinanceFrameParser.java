package dev.trader.marketdata.binance;

import static dev.trader.marketdata.binance.JsonFields.JSON;
import static dev.trader.marketdata.binance.JsonFields.bool;
import static dev.trader.marketdata.binance.JsonFields.field;
import static dev.trader.marketdata.binance.JsonFields.fieldNames;
import static dev.trader.marketdata.binance.JsonFields.id;
import static dev.trader.marketdata.binance.JsonFields.nonNegativeQuantity;
import static dev.trader.marketdata.binance.JsonFields.positivePrice;
import static dev.trader.marketdata.binance.JsonFields.price;
import static dev.trader.marketdata.binance.JsonFields.quantity;
import static dev.trader.marketdata.binance.JsonFields.text;
import static dev.trader.marketdata.binance.JsonFields.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.binance.BinanceEvent.BookTicker;
import dev.trader.marketdata.binance.BinanceEvent.DepthSnapshot;
import dev.trader.marketdata.binance.BinanceEvent.DepthUpdate;
import dev.trader.marketdata.binance.BinanceEvent.Level;
import dev.trader.marketdata.binance.BinanceEvent.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one WebSocket frame of Binance's combined streams ({@code {"stream": ..., "data": ...}})
 * or a raw single-stream frame, and the REST depth snapshot, into a {@link BinanceEvent}. Nothing
 * is guessed: a frame that is not JSON, too large, of an unknown stream or event type, for
 * another symbol than its stream names, with a missing or mistyped field, a price that is not a
 * positive decimal (NaN and infinities included) or a negative quantity is refused with a
 * {@link FrameRejected} whose reason names what is wrong; the caller logs it and drops the frame.
 * Kline frames ({@code <symbol>@kline_<interval>}) are read by {@link KlinePayload}.
 */
public final class BinanceFrameParser {
    /** Larger than any real market-data frame (a full 5,000-level snapshot is about 300 KB). */
    public static final int MAX_FRAME_CHARS = 1 << 20;

    public BinanceEvent parse(String frame) throws FrameRejected {
        if (frame == null || frame.isBlank()) {
            throw new FrameRejected("empty frame");
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            throw new FrameRejected(FrameRejected.OVERSIZE, "frame of " + frame.length() + " chars exceeds the limit of " + MAX_FRAME_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new FrameRejected("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FrameRejected("not a JSON object");
        }
        if (root.has("stream")) {
            String stream = text(root, "stream");
            JsonNode data = root.get("data");
            if (data == null || !data.isObject()) {
                throw new FrameRejected("stream " + stream + ": 'data' is missing or not an object");
            }
            return ofStream(stream, data);
        }
        if (root.has("lastUpdateId")) {
            return new DepthSnapshot(id(root, "lastUpdateId"), levels(root, "bids"), levels(root, "asks"));
        }
        if (root.has("e")) {
            String type = text(root, "e");
            String symbol = text(root, "s").toLowerCase(Locale.ROOT);
            return ofStream(symbol + "@" + switch (type) {
                case "trade" -> "trade";
                case "depthUpdate" -> "depth";
                case "bookTicker" -> "bookTicker";
                case "kline" -> "kline_" + text(field(root, "k"), "i");
                default -> throw new FrameRejected(FrameRejected.UNKNOWN_STREAM, "unknown event type '" + type + "'");
            }, root);
        }
        if (root.has("b") && root.has("a") && root.has("u") && root.has("s")) {
            return ofStream(text(root, "s").toLowerCase(Locale.ROOT) + "@bookTicker", root);
        }
        throw new FrameRejected("neither a stream frame, an event nor a depth snapshot: fields " + fieldNames(root));
    }

    private BinanceEvent ofStream(String stream, JsonNode data) throws FrameRejected {
        int at = stream.indexOf('@');
        if (at <= 0) {
            throw new FrameRejected("stream name '" + stream + "' is not <symbol>@<type>");
        }
        String symbol = stream.substring(0, at);
        String type = stream.substring(at + 1);
        String dataSymbol = text(data, "s");
        if (!dataSymbol.toLowerCase(Locale.ROOT).equals(symbol)) {
            throw new FrameRejected(FrameRejected.SYMBOL_MISMATCH, "stream " + stream + " carries data for symbol " + dataSymbol);
        }
        if (type.equals("trade")) {
            expectType(stream, data, "trade");
            Quantity q = quantity(data, "q");
            if (q.isZero()) {
                throw new FrameRejected("stream " + stream + ": trade quantity 'q' is zero");
            }
            return new Trade(dataSymbol, id(data, "t"), price(data, "p"), q, time(data, "T"), time(data, "E"), bool(data, "m"));
        }
        if (type.equals("bookTicker")) {
            if (data.has("e")) {
                expectType(stream, data, "bookTicker");
            }
            return new BookTicker(dataSymbol, id(data, "u"), price(data, "b"), quantity(data, "B"), price(data, "a"), quantity(data, "A"),
                    data.has("E") ? time(data, "E") : null);
        }
        if (type.equals("depth") || type.startsWith("depth@")) {
            expectType(stream, data, "depthUpdate");
            long first = id(data, "U");
            long last = id(data, "u");
            if (last < first) {
                throw new FrameRejected("stream " + stream + ": final update id u=" + last + " is before the first U=" + first);
            }
            return new DepthUpdate(dataSymbol, time(data, "E"), first, last, data.has("pu") ? id(data, "pu") : null, levels(data, "b"),
                    levels(data, "a"));
        }
        if (type.startsWith(KlinePayload.STREAM_PREFIX)) {
            expectType(stream, data, "kline");
            return KlinePayload.parse(stream, type.substring(KlinePayload.STREAM_PREFIX.length()), dataSymbol, data);
        }
        throw new FrameRejected(FrameRejected.UNKNOWN_STREAM, "unknown stream type '" + type + "' in " + stream);
    }

    private static void expectType(String stream, JsonNode data, String expected) throws FrameRejected {
        String type = text(data, "e");
        if (!type.equals(expected)) {
            throw new FrameRejected(FrameRejected.UNKNOWN_STREAM, "stream " + stream + " carries event type '" + type + "', expected '" + expected + "'");
        }
    }

    private static List<Level> levels(JsonNode node, String name) throws FrameRejected {
        JsonNode v = field(node, name);
        if (!v.isArray()) {
            throw new FrameRejected("field '" + name + "' must be an array of [price, quantity] but was " + v.getNodeType());
        }
        List<Level> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode level = v.get(i);
            String where = "'" + name + "'[" + i + "]";
            if (!level.isArray() || level.size() != 2 || !level.get(0).isTextual() || !level.get(1).isTextual()) {
                throw new FrameRejected(where + " must be [\"price\", \"quantity\"] but was " + level);
            }
            out.add(new Level(positivePrice(where + " price", level.get(0).asText()), nonNegativeQuantity(where + " quantity", level.get(1).asText())));
        }
        return out;
    }
}
