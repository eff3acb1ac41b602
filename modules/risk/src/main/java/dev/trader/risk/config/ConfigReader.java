package dev.trader.risk.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Typed reads from a flat map of settings keyed by their full name ({@code trader.risk.x.y}),
 * which is what the engine gets when it flattens the HOCON {@code trader.risk} subtree. A
 * missing key takes the default; a malformed one fails naming the key. Keys that no setting
 * reads are reported by {@link #unknownKeys()} so that a typo does not silently keep a default.
 */
public final class ConfigReader {
    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    public ConfigReader(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key, String fallback) {
        read.add(key);
        String v = values.get(key);
        return v == null ? fallback : v.trim();
    }

    public BigDecimal decimal(String key, String fallback) {
        String v = string(key, fallback);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new RiskConfigException(key, "must be a decimal number but was '" + v + "'");
        }
    }

    public int integer(String key, int fallback) {
        String v = string(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new RiskConfigException(key, "must be a whole number but was '" + v + "'");
        }
    }

    public boolean bool(String key, boolean fallback) {
        String v = string(key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("on") || v.equals("yes")) {
            return true;
        }
        if (v.equals("false") || v.equals("off") || v.equals("no")) {
            return false;
        }
        throw new RiskConfigException(key, "must be true or false but was '" + v + "'");
    }

    /** An ISO-8601 duration ({@code PT30M}) or a number with a unit: {@code 30m}, {@code 4h}, {@code 90s}, {@code 2d}. */
    public Duration duration(String key, String fallback) {
        String v = string(key, fallback);
        return parseDuration(key, v);
    }

    public static Duration parseDuration(String key, String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            String digits = t.replaceAll("[a-z ]+$", "");
            String unit = t.substring(digits.length()).trim();
            long n = Long.parseLong(digits.trim());
            switch (unit) {
                case "s": case "second": case "seconds": return Duration.ofSeconds(n);
                case "m": case "min": case "minute": case "minutes": return Duration.ofMinutes(n);
                case "h": case "hour": case "hours": return Duration.ofHours(n);
                case "d": case "day": case "days": return Duration.ofDays(n);
                default: throw new RiskConfigException(key, "must be a duration such as 30m, 4h or PT30M but was '" + v + "'");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new RiskConfigException(key, "must be a duration such as 30m, 4h or PT30M but was '" + v + "'");
        }
    }

    /** A comma-separated list of decimals ({@code 1, 2.5}). */
    public List<BigDecimal> decimals(String key, String fallback) {
        String v = string(key, fallback);
        List<BigDecimal> out = new ArrayList<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String part : v.split(",")) {
            try {
                out.add(new BigDecimal(part.trim()));
            } catch (NumberFormatException e) {
                throw new RiskConfigException(key, "must be a comma-separated list of decimals but has '" + part.trim() + "'");
            }
        }
        return out;
    }

    /** A comma-separated list of words. */
    public List<String> words(String key, String fallback) {
        String v = string(key, fallback);
        List<String> out = new ArrayList<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Every {@code prefix.<name>} key, by name (the rest of the key after the prefix). */
    public Map<String, String> children(String prefix) {
        Map<String, String> out = new TreeMap<>();
        String p = prefix + ".";
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(p)) {
                read.add(e.getKey());
                out.put(e.getKey().substring(p.length()), e.getValue().trim());
            }
        }
        return out;
    }

    /** Keys present in the map that no read touched. */
    public Set<String> unknownKeys() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(read);
        return out;
    }
}
