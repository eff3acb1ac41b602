package dev.trader.risk.news;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an economic calendar. A row that cannot be read is reported with its line and reason
 * and skipped; the rest loads.
 *
 * <p>CSV: a header row names the columns (order free, case-insensitive): the time
 * ({@code datetime_utc}, {@code datetime}, {@code time} or {@code date}: ISO-8601 with an
 * offset, or without one read as UTC), the currency ({@code currency} or {@code country}),
 * {@code impact}, the title ({@code event} or {@code title}) and optionally the id
 * ({@code ff_event_id} or {@code id}). This is the layout of the Forex Factory export in the
 * shared data set: {@code datetime_utc,currency,impact,event,actual,forecast,previous,ff_event_id}.
 * Fields may be quoted with {@code "} (a doubled quote inside is one quote).
 *
 * <p>JSON: an array of objects, or an object whose {@code events} field is one, with the same
 * field names; this also reads Forex Factory's weekly JSON export
 * ({@code {"title","country","date","impact",...}}).
 */
public final class CalendarParser {
    private static final String[] TIME = {"datetime_utc", "datetime", "time", "date"};
    private static final String[] CURRENCY = {"currency", "country"};
    private static final String[] IMPACT = {"impact"};
    private static final String[] TITLE = {"event", "title"};
    private static final String[] ID = {"ff_event_id", "id"};

    private CalendarParser() {
    }

    /** Reads {@code path}: JSON if its name ends in {@code .json}, CSV otherwise. */
    public static CalendarLoad read(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? parseJson(text) : parseCsv(text);
    }

    public static CalendarLoad parseCsv(String text) {
        List<EconomicEvent> events = new ArrayList<>();
        List<CalendarProblem> problems = new ArrayList<>();
        String[] lines = stripBom(text).split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            problems.add(new CalendarProblem(0, "the file is empty"));
            return new CalendarLoad(EconomicCalendar.EMPTY, problems);
        }
        List<String> header;
        try {
            header = split(lines[headerLine]);
        } catch (IllegalArgumentException e) {
            problems.add(new CalendarProblem(headerLine + 1, "header: " + e.getMessage()));
            return new CalendarLoad(EconomicCalendar.EMPTY, problems);
        }
        for (int h = 0; h < header.size(); h++) {
            header.set(h, header.get(h).trim().toLowerCase(Locale.ROOT));
        }
        int time = column(header, TIME);
        int currency = column(header, CURRENCY);
        int impact = column(header, IMPACT);
        int title = column(header, TITLE);
        int id = column(header, ID);
        if (time < 0 || currency < 0 || impact < 0 || title < 0) {
            problems.add(new CalendarProblem(headerLine + 1, "header must name a time, currency, impact and event column but was "
                    + String.join(",", header)));
            return new CalendarLoad(EconomicCalendar.EMPTY, problems);
        }
        for (int n = headerLine + 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            int lineNo = n + 1;
            List<String> f;
            try {
                f = split(line);
            } catch (IllegalArgumentException e) {
                problems.add(new CalendarProblem(lineNo, e.getMessage()));
                continue;
            }
            if (f.size() != header.size()) {
                problems.add(new CalendarProblem(lineNo, "has " + f.size() + " fields but the header has " + header.size()));
                continue;
            }
            String err = add(events, f.get(time), f.get(currency), f.get(impact), f.get(title), id < 0 ? "" : f.get(id));
            if (err != null) {
                problems.add(new CalendarProblem(lineNo, err));
            }
        }
        return new CalendarLoad(new EconomicCalendar(events), problems);
    }

    public static CalendarLoad parseJson(String text) {
        List<EconomicEvent> events = new ArrayList<>();
        List<CalendarProblem> problems = new ArrayList<>();
        Object doc;
        try {
            doc = MiniJson.parse(stripBom(text));
        } catch (MiniJson.JsonException e) {
            problems.add(new CalendarProblem(e.line, "not valid JSON: " + e.getMessage()));
            return new CalendarLoad(EconomicCalendar.EMPTY, problems);
        }
        if (doc instanceof MiniJson.Obj o && o.fields().get("events") instanceof List<?> list) {
            doc = list;
        }
        if (!(doc instanceof List<?> items)) {
            problems.add(new CalendarProblem(1, "expected an array of events or an object with an events array"));
            return new CalendarLoad(EconomicCalendar.EMPTY, problems);
        }
        for (Object item : items) {
            if (!(item instanceof MiniJson.Obj o)) {
                problems.add(new CalendarProblem(0, "an element of the events array is not an object: " + item));
                continue;
            }
            Map<String, Object> f = o.fields();
            String err = add(events, field(f, TIME), field(f, CURRENCY), field(f, IMPACT), field(f, TITLE),
                    Optional.ofNullable(field(f, ID)).orElse(""));
            if (err != null) {
                problems.add(new CalendarProblem(o.line(), err));
            }
        }
        return new CalendarLoad(new EconomicCalendar(events), problems);
    }

    /** Adds the event, or says why it cannot be one. */
    private static String add(List<EconomicEvent> events, String time, String currency, String impact, String title, String id) {
        if (time == null || time.isBlank()) {
            return "the time is missing";
        }
        Instant t = parseTime(time.trim());
        if (t == null) {
            return "the time '" + time + "' is not ISO-8601 (e.g. 2020-01-10T13:30:00+00:00)";
        }
        if (currency == null || currency.isBlank()) {
            return "the currency is missing";
        }
        String c = currency.trim();
        if (!c.chars().allMatch(Character::isLetter) || c.length() > 4) {
            return "the currency '" + c + "' is not a currency code";
        }
        Optional<Impact> i = Impact.parse(impact);
        if (i.isEmpty()) {
            return "the impact '" + impact + "' is not High, Medium, Low or Non-Economic";
        }
        events.add(new EconomicEvent(t, c, i.get(), title == null ? "" : title.trim(), id == null ? "" : id.trim()));
        return null;
    }

    static Instant parseTime(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String field(Map<String, Object> fields, String[] names) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            for (String n : names) {
                if (e.getKey().equalsIgnoreCase(n) && e.getValue() != null) {
                    return e.getValue().toString();
                }
            }
        }
        return null;
    }

    private static int column(List<String> header, String[] names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** One CSV line into fields; quoted fields may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    b.append(c);
                }
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && b.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field at column " + (i + 1));
            } else {
                b.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        out.add(b.toString());
        return out;
    }
}
