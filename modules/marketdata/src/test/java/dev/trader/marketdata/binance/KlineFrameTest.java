package dev.trader.marketdata.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.binance.BinanceEvent.Kline;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kline event of Binance's WebSocket streams: the documented example, and hostile variants
 * of it, each refused with a reason and a stable code.
 */
class KlineFrameTest {
    /**
     * The example payload of Binance's "Kline/Candlestick Streams" documentation, verbatim. Its
     * low (0.0015) is above its open (0.0010): no real candle looks like that.
     */
    static final String DOCUMENTED = """
            {"e":"kline","E":1672515782136,"s":"BNBBTC","k":{"t":1672515780000,"T":1672515839999,"s":"BNBBTC","i":"1m","f":100,"L":200,\
            "o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,"q":"1.0000","V":"500","Q":"0.500","B":"123456"}}""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BinanceFrameParser parser = new BinanceFrameParser();

    /** The documented example with a low that fits its open and close, as a combined-stream frame. */
    private static String consistent(Consumer<ObjectNode> change) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(DOCUMENTED);
            ((ObjectNode) data.get("k")).put("l", "0.0009");
            change.accept(data);
            return "{\"stream\":\"bnbbtc@kline_1m\",\"data\":" + data + "}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<ObjectNode> k(Consumer<ObjectNode> change) {
        return data -> change.accept((ObjectNode) data.get("k"));
    }

    @Test
    void theDocumentedExampleIsRefusedForItsLowAboveTheOpen() {
        FrameRejected raw = assertThrows(FrameRejected.class, () -> parser.parse(DOCUMENTED));
        assertEquals("low_above_body", raw.code());
        assertTrue(raw.getMessage().contains("low 0.0015"), raw.getMessage());
        FrameRejected combined = assertThrows(FrameRejected.class,
                () -> parser.parse("{\"stream\":\"bnbbtc@kline_1m\",\"data\":" + DOCUMENTED + "}"));
        assertEquals("low_above_body", combined.code());
    }

    @Test
    void aConsistentKlineIsReadExactly() throws FrameRejected {
        Kline kline = assertInstanceOf(Kline.class, parser.parse(consistent(d -> { })));
        assertEquals(new Kline("BNBBTC", Timeframe.M1, Instant.ofEpochMilli(1672515782136L), Instant.ofEpochMilli(1672515780000L),
                Instant.ofEpochMilli(1672515839999L), Price.of("0.001"), Price.of("0.0025"), Price.of("0.0009"), Price.of("0.002"),
                Quantity.of("1000"), 100, false), kline);
        // The raw (single-stream) form of the same payload parses to the same event.
        assertEquals(kline, parser.parse(consistent(d -> { }).replaceFirst("^\\{\"stream\":\"bnbbtc@kline_1m\",\"data\":", "")
                .replaceFirst("}$", "")));
    }

    @Test
    void aClosedKlineBecomesABar() throws FrameRejected {
        Kline kline = (Kline) parser.parse(consistent(k(c -> c.put("x", true))));
        assertTrue(kline.closed());
        assertEquals(new Bar(new InstrumentId("binance", "BNBBTC"), Timeframe.M1, Instant.ofEpochMilli(1672515780000L), Price.of("0.0010"),
                Price.of("0.0025"), Price.of("0.0009"), Price.of("0.0020"), Quantity.of("1000")), kline.toBar("binance"));
    }

    @Test
    void aCandleWithoutTradesHasNoTradeIds() throws FrameRejected {
        Kline kline = (Kline) parser.parse(consistent(k(c -> c.put("f", -1).put("L", -1).put("n", 0).put("v", "0").put("V", "0"))));
        assertEquals(0, kline.trades());
        assertFalse(kline.volume().compareTo(Quantity.ZERO) > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN open             | o | NaN        | non_finite         | field 'o' must be a decimal but was 'NaN'",
            "infinite high        | h | Infinity   | non_finite         | field 'h' must be a decimal but was 'Infinity'",
            "text close           | c | abc        | not_a_number       | field 'c' must be a decimal but was 'abc'",
            "negative low         | l | -0.0009    | non_positive_price | field 'l' must be a positive price but was -0.0009",
            "zero open            | o | 0.00000000 | non_positive_price | field 'o' must be a positive price",
            "high below low       | h | 0.0001     | high_below_body    | high_below_body: open 0.001, high 0.0001",
            "low above close      | l | 0.0021     | low_above_body     | low_above_body",
            "huge exponent        | o | 1e999999999| out_of_range       | field 'o' is too large",
            "too many decimals    | o | 0.0000000000001 | out_of_range  | field 'o' does not fit a price",
            "negative volume      | v | -1         | negative_volume    | field 'v' must not be a negative quantity",
            "taker above volume   | V | 1000.5     | malformed_frame    | taker buy volume V=1000.5 exceeds the volume v=1000",
            "unknown interval     | i | 7m         | unknown_interval   | kline interval '7m' is not one of",
            "interval not stream  | i | 5m         | unknown_interval   | carries a kline of interval 5m",
            "symbol differs       | s | ETHBTC     | symbol_mismatch    | kline symbol ETHBTC differs from BNBBTC"})
    void aHostileFieldIsRefusedWithItsReason(String name, String field, String value, String code, String reason) {
        FrameRejected e = assertThrows(FrameRejected.class, () -> parser.parse(consistent(k(c -> c.put(field, value)))));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void wrongTypesAndBrokenTimesAreRefused() {
        assertRefused(consistent(k(c -> c.put("t", "1672515780000"))), "malformed_frame", "field 't' must be a non-negative integer");
        assertRefused(consistent(k(c -> c.put("x", "true"))), "malformed_frame", "field 'x' must be true or false");
        assertRefused(consistent(k(c -> c.put("o", 0.001))), "malformed_frame", "field 'o' must be a string but was NUMBER");
        assertRefused(consistent(k(c -> c.put("n", -4))), "malformed_frame", "field 'n' must be a non-negative integer");
        assertRefused(consistent(k(c -> c.put("L", 50))), "malformed_frame", "last trade id L=50 is before the first f=100");
        assertRefused(consistent(k(c -> c.put("T", 1672515899999L))), "malformed_frame", "close time T=1672515899999 is not open time");
        assertRefused(consistent(k(c -> c.put("t", 1672515781000L).put("T", 1672515840999L))), "misaligned_time", "misaligned_time");
        assertRefused(consistent(d -> d.remove("k")), "malformed_frame", "field 'k' is missing");
        assertRefused(consistent(d -> d.put("k", "candle")), "malformed_frame", "'k' must be an object");
        assertRefused(consistent(d -> d.put("e", "trade")), "unknown_stream", "carries event type 'trade', expected 'kline'");
        assertRefused("{\"stream\":\"bnbbtc@kline_1m\",\"data\":{\"e\":\"kline\",", "malformed_frame", "not JSON");
        String huge = consistent(k(c -> c.put("B", "9".repeat(BinanceFrameParser.MAX_FRAME_CHARS))));
        assertRefused(huge, "oversize_frame", "exceeds the limit");
    }

    private void assertRefused(String frame, String code, String reason) {
        FrameRejected e = assertThrows(FrameRejected.class, () -> parser.parse(frame));
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
