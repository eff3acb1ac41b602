package dev.trader.marketdata.binance;

import static dev.trader.marketdata.binance.JsonFields.JSON;
import static dev.trader.marketdata.binance.JsonFields.nonNegativeLong;
import static dev.trader.marketdata.binance.JsonFields.nonNegativeQuantity;
import static dev.trader.marketdata.binance.JsonFields.positivePrice;
import static dev.trader.marketdata.binance.JsonFields.textValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.BarDefect;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the REST {@code GET /api/v3/klines} answer, an array of rows
 * {@code [openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades,
 * "takerBuyBase", "takerBuyQuote", "ignore"]}. An answer that is not such an array is refused
 * whole; a row that is wrong (types, prices, OHLC, alignment, outside the requested range, not
 * after the previous row) is refused alone with its reason, and the other rows are kept.
 */
public final class KlineRows {
    private static final int FIELDS = 12;

    /** The rows that became bars, in order, and the ones refused. */
    public record Result(List<Bar> bars, List<FrameRejected> rejected) {
        public Result {
            bars = List.copyOf(bars);
            rejected = List.copyOf(rejected);
        }
    }

    private KlineRows() {
    }

    /**
     * @param from first open time asked for (inclusive)
     * @param to   last open time asked for (inclusive)
     * @throws FrameRejected when the answer as a whole is not an array of rows
     */
    public static Result parse(String body, InstrumentId instrument, Timeframe interval, Instant from, Instant to) throws FrameRejected {
        if (body == null || body.length() > BinanceFrameParser.MAX_FRAME_CHARS) {
            throw new FrameRejected(FrameRejected.OVERSIZE, "klines answer missing or longer than " + BinanceFrameParser.MAX_FRAME_CHARS + " chars");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FrameRejected("klines answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new FrameRejected("klines answer must be an array of rows but was " + (root == null ? "empty" : root.getNodeType()));
        }
        List<Bar> bars = new ArrayList<>(root.size());
        List<FrameRejected> rejected = new ArrayList<>();
        Instant previous = null;
        for (int i = 0; i < root.size(); i++) {
            try {
                Bar bar = row(root.get(i), "klines row " + i, instrument, interval);
                if (bar.openTime().isBefore(from) || bar.openTime().isAfter(to)) {
                    throw new FrameRejected("klines row " + i + ": open time " + bar.openTime() + " is outside the requested " + from + " .. " + to);
                }
                if (previous != null && !bar.openTime().isAfter(previous)) {
                    throw new FrameRejected(bar.openTime().equals(previous) ? RejectReason.DUPLICATE : RejectReason.OUT_OF_ORDER,
                            "klines row " + i + ": open time " + bar.openTime() + " is not after the previous row's " + previous);
                }
                previous = bar.openTime();
                bars.add(bar);
            } catch (FrameRejected e) {
                rejected.add(e);
            }
        }
        return new Result(bars, rejected);
    }

    private static Bar row(JsonNode row, String where, InstrumentId instrument, Timeframe interval) throws FrameRejected {
        if (!row.isArray() || row.size() != FIELDS) {
            throw new FrameRejected(where + " must be an array of " + FIELDS + " fields but was " + abbreviate(row.toString()));
        }
        Instant open = Instant.ofEpochMilli(nonNegativeLong(where + " open time", row.get(0)));
        Price o = positivePrice(where + " open", textValue(where + " open", row.get(1)));
        Price h = positivePrice(where + " high", textValue(where + " high", row.get(2)));
        Price l = positivePrice(where + " low", textValue(where + " low", row.get(3)));
        Price c = positivePrice(where + " close", textValue(where + " close", row.get(4)));
        Quantity volume = nonNegativeQuantity(where + " volume", textValue(where + " volume", row.get(5)));
        Instant close = Instant.ofEpochMilli(nonNegativeLong(where + " close time", row.get(6)));
        nonNegativeQuantity(where + " quote volume", textValue(where + " quote volume", row.get(7)));
        nonNegativeLong(where + " trades", row.get(8));
        nonNegativeQuantity(where + " taker buy volume", textValue(where + " taker buy volume", row.get(9)));
        nonNegativeQuantity(where + " taker buy quote volume", textValue(where + " taker buy quote volume", row.get(10)));
        Optional<BarDefect> defect = Bar.defect(interval, open, o, h, l, c);
        if (defect.isPresent()) {
            throw new FrameRejected(RejectReason.of(defect.get()), where + ": " + defect.get().code() + ": open " + o + ", high " + h
                    + ", low " + l + ", close " + c + ", open time " + open);
        }
        if (!close.equals(open.plus(interval.duration()).minusMillis(1))) {
            throw new FrameRejected(where + ": close time " + close.toEpochMilli() + " is not open time " + open.toEpochMilli() + " + "
                    + interval.label() + " - 1 ms");
        }
        return new Bar(instrument, interval, open, o, h, l, c, volume);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
