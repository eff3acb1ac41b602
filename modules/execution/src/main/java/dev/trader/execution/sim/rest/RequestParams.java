package dev.trader.execution.sim.rest;

import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.BinanceTime;
import dev.trader.execution.sim.config.SymbolSpec;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request's parameters as Binance reads them: from the query string and from an
 * application/x-www-form-urlencoded body, mixed freely; a parameter sent in both is taken from
 * the query string; one sent twice in the same part is refused (-1101). Typed getters refuse a
 * malformed value with the error Binance gives, naming the parameter. An empty value counts as
 * not sent.
 */
public final class RequestParams {
    static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    static final String LONG_RANGE = "^[0-9]{1,20}$";
    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_RANGE);
    private static final Pattern LONG = Pattern.compile(LONG_RANGE);

    private final Map<String, String> values;

    private RequestParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static RequestParams empty() {
        return new RequestParams(new LinkedHashMap<>());
    }

    /** Parses the raw (still percent-encoded) query string and body; either may be null. */
    public static RequestParams parse(String rawQuery, String rawBody) {
        Map<String, String> body = part(rawBody);
        Map<String, String> merged = new LinkedHashMap<>(body);
        merged.putAll(part(rawQuery));
        return new RequestParams(merged);
    }

    private static Map<String, String> part(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key;
            String value;
            try {
                key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw BinanceError.illegalChars().exception();
            }
            if (out.put(key, value) != null) {
                throw BinanceError.duplicateParameter().exception();
            }
        }
        return out;
    }

    /** Sent with a non-empty value. */
    public boolean has(String name) {
        String v = values.get(name);
        return v != null && !v.isEmpty();
    }

    public Optional<String> string(String name) {
        return has(name) ? Optional.of(values.get(name)) : Optional.empty();
    }

    public String required(String name) {
        return string(name).orElseThrow(() -> BinanceError.mandatory(name).exception());
    }

    public Optional<Long> longValue(String name) {
        return string(name).map(v -> {
            if (!LONG.matcher(v).matches()) {
                throw BinanceError.illegalChars(name, LONG_RANGE).exception();
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw BinanceError.illegalChars(name, LONG_RANGE).exception();
            }
        });
    }

    /** A time parameter in ms; Binance also accepts µs, recognised by size. */
    public Optional<Long> time(String name) {
        return longValue(name).map(BinanceTime::toMillis);
    }

    public Optional<Integer> intValue(String name) {
        return longValue(name).map(v -> {
            if (v > Integer.MAX_VALUE) {
                throw BinanceError.illegalChars(name, LONG_RANGE).exception();
            }
            return v.intValue();
        });
    }

    /** A decimal amount: digits with an optional fraction, at most 8 decimals that are not zeros (-1111 beyond). */
    public Optional<BigDecimal> decimal(String name) {
        return string(name).map(v -> {
            if (!DECIMAL.matcher(v).matches()) {
                throw BinanceError.illegalChars(name, DECIMAL_RANGE).exception();
            }
            BigDecimal d = new BigDecimal(v);
            if (d.stripTrailingZeros().scale() > SymbolSpec.PRECISION) {
                throw BinanceError.tooMuchPrecision(name).exception();
            }
            return d;
        });
    }

    /** An enum value, refused with {@code invalid} when it is not one of {@code type}'s names. */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type, BinanceError invalid) {
        return string(name).map(v -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            throw invalid.exception();
        });
    }
}
