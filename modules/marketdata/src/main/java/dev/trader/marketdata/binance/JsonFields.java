package dev.trader.marketdata.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the typed fields of Binance's JSON strictly, refusing with a {@link FrameRejected} that
 * names the field and the value. Shared by the WebSocket frame and REST answer parsers.
 */
final class JsonFields {
    /** Shallow and with short numbers: no Binance message nests deeper than 4 or has a longer number. */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(64).build()).build()).build();
    /** More integer digits than a {@code long} holds cannot become a price or quantity anyway. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private JsonFields() {
    }

    static JsonNode field(JsonNode node, String name) throws FrameRejected {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new FrameRejected("field '" + name + "' is missing");
        }
        return v;
    }

    static String text(JsonNode node, String name) throws FrameRejected {
        return textValue("field '" + name + "'", field(node, name));
    }

    static String textValue(String where, JsonNode v) throws FrameRejected {
        if (!v.isTextual()) {
            throw new FrameRejected(where + " must be a string but was " + v.getNodeType());
        }
        return v.asText();
    }

    static long id(JsonNode node, String name) throws FrameRejected {
        return nonNegativeLong("field '" + name + "'", field(node, name));
    }

    static long nonNegativeLong(String where, JsonNode v) throws FrameRejected {
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new FrameRejected(where + " must be a non-negative integer but was " + v);
        }
        return v.asLong();
    }

    static Instant time(JsonNode node, String name) throws FrameRejected {
        return Instant.ofEpochMilli(id(node, name));
    }

    static boolean bool(JsonNode node, String name) throws FrameRejected {
        JsonNode v = field(node, name);
        if (!v.isBoolean()) {
            throw new FrameRejected("field '" + name + "' must be true or false but was " + v);
        }
        return v.asBoolean();
    }

    static Price price(JsonNode node, String name) throws FrameRejected {
        return positivePrice("field '" + name + "'", text(node, name));
    }

    static Quantity quantity(JsonNode node, String name) throws FrameRejected {
        return nonNegativeQuantity("field '" + name + "'", text(node, name));
    }

    static Price positivePrice(String where, String text) throws FrameRejected {
        BigDecimal v = decimal(where, text);
        if (v.signum() <= 0) {
            throw new FrameRejected(RejectReason.NON_POSITIVE_PRICE, where + " must be a positive price but was " + text);
        }
        try {
            return Price.of(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FrameRejected(RejectReason.OUT_OF_RANGE, where + " does not fit a price: " + text);
        }
    }

    static Quantity nonNegativeQuantity(String where, String text) throws FrameRejected {
        BigDecimal v = decimal(where, text);
        if (v.signum() < 0) {
            throw new FrameRejected(RejectReason.NEGATIVE_VOLUME, where + " must not be a negative quantity but was " + text);
        }
        if (v.signum() == 0) {
            return Quantity.ZERO;
        }
        try {
            return Quantity.of(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FrameRejected(RejectReason.OUT_OF_RANGE, where + " does not fit a quantity: " + text);
        }
    }

    /** The exact value of a decimal string; never through {@code double}. */
    private static BigDecimal decimal(String where, String text) throws FrameRejected {
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "…";
            String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            boolean nonFinite = unsigned.equalsIgnoreCase("nan") || unsigned.toLowerCase(Locale.ROOT).startsWith("inf");
            throw new FrameRejected(nonFinite ? RejectReason.NON_FINITE : RejectReason.NOT_A_NUMBER,
                    where + " must be a decimal but was '" + shown + "'");
        }
        // Checked before anything rescales it: "1e999999999" parses cheaply but would expand to a billion digits.
        if (v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new FrameRejected(RejectReason.OUT_OF_RANGE, where + " is too large: '" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "'");
        }
        return v;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
