package dev.trader.execution.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads Binance JSON without guessing. The parser is bounded (nesting, number and string length),
 * refuses duplicate keys and trailing garbage; the field readers refuse a missing field, a wrong
 * type, and decimals that are not plain non-negative decimal strings as Binance sends them (so
 * "NaN", "Infinity", "-1", "1e5" are refused, not parsed).
 */
final class StrictJson {
    /** Binance sends prices and quantities as strings of digits with an optional fraction. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(32)
                            .maxStringLength(1 << 20).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    static JsonNode parse(byte[] body) throws MalformedAnswer {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedAnswer("empty body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswer("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedAnswer("unreadable: " + e.getMessage());
        }
    }

    static JsonNode parse(String text) throws MalformedAnswer {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new MalformedAnswer("empty body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswer("not JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode object(JsonNode node, String what) throws MalformedAnswer {
        if (node == null || !node.isObject()) {
            throw new MalformedAnswer(what + " must be a JSON object but was " + kind(node));
        }
        return node;
    }

    static JsonNode array(JsonNode node, String what, int maxItems) throws MalformedAnswer {
        if (node == null || !node.isArray()) {
            throw new MalformedAnswer(what + " must be a JSON array but was " + kind(node));
        }
        if (node.size() > maxItems) {
            throw new MalformedAnswer(what + " has " + node.size() + " items, more than the " + maxItems + " allowed");
        }
        return node;
    }

    static JsonNode field(JsonNode node, String name) throws MalformedAnswer {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new MalformedAnswer("field '" + name + "' is missing");
        }
        return v;
    }

    static String text(JsonNode node, String name) throws MalformedAnswer {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new MalformedAnswer("field '" + name + "' must be a string but was " + kind(v));
        }
        return v.textValue();
    }

    /** A string field that Binance may send as null or leave out. */
    static String optionalText(JsonNode node, String name) throws MalformedAnswer {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedAnswer("field '" + name + "' must be a string or null but was " + kind(v));
        }
        return v.textValue();
    }

    static long integer(JsonNode node, String name) throws MalformedAnswer {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new MalformedAnswer("field '" + name + "' must be an integer but was " + shown(v));
        }
        return v.longValue();
    }

    static long nonNegativeInteger(JsonNode node, String name) throws MalformedAnswer {
        long v = integer(node, name);
        if (v < 0) {
            throw new MalformedAnswer("field '" + name + "' must not be negative but was " + v);
        }
        return v;
    }

    static int intValue(JsonNode node, String name) throws MalformedAnswer {
        long v = integer(node, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new MalformedAnswer("field '" + name + "' is out of range: " + v);
        }
        return (int) v;
    }

    static boolean bool(JsonNode node, String name) throws MalformedAnswer {
        JsonNode v = field(node, name);
        if (!v.isBoolean()) {
            throw new MalformedAnswer("field '" + name + "' must be true or false but was " + shown(v));
        }
        return v.booleanValue();
    }

    static BigDecimal decimal(JsonNode node, String name) throws MalformedAnswer {
        return decimal(text(node, name), name);
    }

    static BigDecimal decimal(String text, String name) throws MalformedAnswer {
        if (!DECIMAL.matcher(text).matches()) {
            throw new MalformedAnswer("field '" + name + "' must be a non-negative decimal but was '" + clip(text) + "'");
        }
        return new BigDecimal(text);
    }

    static Price positivePrice(JsonNode node, String name) throws MalformedAnswer {
        BigDecimal d = decimal(node, name);
        if (d.signum() <= 0) {
            throw new MalformedAnswer("field '" + name + "' must be a positive price but was " + d.toPlainString());
        }
        return price(d, name);
    }

    static Price price(BigDecimal d, String name) throws MalformedAnswer {
        try {
            return Price.of(d);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswer("field '" + name + "': " + e.getMessage());
        }
    }

    static Quantity quantity(JsonNode node, String name) throws MalformedAnswer {
        BigDecimal d = decimal(node, name);
        try {
            return Quantity.of(d);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswer("field '" + name + "': " + e.getMessage());
        }
    }

    static Quantity positiveQuantity(JsonNode node, String name) throws MalformedAnswer {
        Quantity q = quantity(node, name);
        if (q.isZero()) {
            throw new MalformedAnswer("field '" + name + "' must be a positive quantity but was 0");
        }
        return q;
    }

    /** A documented enum value; anything else (a new status we do not know) is refused rather than guessed. */
    static <E extends Enum<E>> E enumValue(JsonNode node, String name, Class<E> type) throws MalformedAnswer {
        String v = text(node, name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new MalformedAnswer("field '" + name + "' has the unknown value '" + clip(v) + "'");
    }

    static String kind(JsonNode v) {
        return v == null || v.isMissingNode() ? "missing" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String shown(JsonNode v) {
        return clip(v.toString());
    }

    /** Hostile values go into log lines: cut them short and drop control characters. */
    static String clip(String s) {
        String cleaned = s.codePoints().filter(c -> c >= 32 && c != 127).limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 80 ? cleaned + "…" : cleaned;
    }
}
