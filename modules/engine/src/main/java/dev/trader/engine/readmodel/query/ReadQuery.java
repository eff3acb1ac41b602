package dev.trader.engine.readmodel.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A paged query as it comes in over HTTP: the parameters of {@code /api/orders}, {@code /api/trades}
 * and {@code /api/signals}, checked. Every problem is an {@link IllegalArgumentException} whose
 * message starts with the parameter's name.
 *
 * <ul>
 *   <li>{@code status}: one value or several, comma-separated, in any case ({@link ReadKind} says which);</li>
 *   <li>{@code symbol}: {@code binance:BTCUSDT}, or {@code BTCUSDT} at any venue; {@code strategy}: a strategy id;</li>
 *   <li>{@code from}, {@code to}: an instant ({@code 2023-03-17T10:00:00Z}, or with an offset) or a date
 *       ({@code 2023-03-17}: a whole calendar day in the read model's day zone, so {@code to=2023-03-17}
 *       takes that day in); from inclusive, to exclusive;</li>
 *   <li>{@code limit}: 1..500, 100 by default; {@code cursor}: a page's {@code nextCursor}.</li>
 * </ul>
 * Any other parameter is refused, so that a misspelt filter never silently selects everything.
 */
public record ReadQuery(ReadFilter filter, PageRequest page) {
    private static final Set<String> FILTER_KEYS = new LinkedHashSet<>(Arrays.asList("status", "symbol", "strategy", "from", "to"));
    private static final Set<String> PAGE_KEYS = new LinkedHashSet<>(Arrays.asList("limit", "cursor"));

    /** A page of {@code kind} as {@code params} ask for it; dates are days in {@code dayZone}. */
    public static ReadQuery parse(ReadKind kind, Map<String, String> params, ZoneId dayZone) {
        Set<String> known = new LinkedHashSet<>(FILTER_KEYS);
        known.addAll(PAGE_KEYS);
        refuseUnknown(params, known);
        return new ReadQuery(filter(kind, params, dayZone), page(kind, params));
    }

    /** A filter alone (the CSV export, the metrics): {@code limit} and {@code cursor} are refused like any unknown parameter. */
    public static ReadFilter parseFilter(ReadKind kind, Map<String, String> params, ZoneId dayZone) {
        refuseUnknown(params, FILTER_KEYS);
        return filter(kind, params, dayZone);
    }

    private static void refuseUnknown(Map<String, String> params, Set<String> known) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.iterator().next() + ": not a parameter here (known: " + String.join(", ", known) + ")");
        }
    }

    private static ReadFilter filter(ReadKind kind, Map<String, String> params, ZoneId dayZone) {
        Set<String> statuses = new TreeSet<>();
        String status = params.get("status");
        if (status != null) {
            for (String s : status.split(",", -1)) {
                if (s.isBlank()) {
                    throw new IllegalArgumentException("status: '" + status + "' has an empty value (give one or more of " + kind.statuses() + ")");
                }
                statuses.add(s.trim());
            }
            statuses = kind.checkStatuses(statuses);
        }
        Instant from = time("from", params.get("from"), dayZone, false);
        Instant to = time("to", params.get("to"), dayZone, true);
        return new ReadFilter(statuses, blankIsNull("symbol", params.get("symbol")), blankIsNull("strategy", params.get("strategy")), from, to);
    }

    private static PageRequest page(ReadKind kind, Map<String, String> params) {
        int limit = PageRequest.DEFAULT_LIMIT;
        String text = params.get("limit");
        if (text != null) {
            try {
                limit = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a whole number within 1.." + PageRequest.MAX_LIMIT + " but was '" + text + "'", e);
            }
        }
        String cursor = blankIsNull("cursor", params.get("cursor"));
        return new PageRequest(limit, cursor == null ? null : Cursor.decode(kind, cursor));
    }

    private static String blankIsNull(String name, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return value;
    }

    /** An instant, or a date's first instant in {@code zone} ({@code end}: the next day's, so that the day is taken in). */
    static Instant time(String name, String text, ZoneId zone, boolean end) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is neither a date (2023-03-17) nor an instant (2023-03-17T10:00:00Z)", e);
        }
    }
}
