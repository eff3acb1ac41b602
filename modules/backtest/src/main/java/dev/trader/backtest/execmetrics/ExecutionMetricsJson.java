package dev.trader.backtest.execmetrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution-metrics file, version {@value ExecutionMetrics#VERSION}:
 *
 * <pre>
 * {
 *   "version": 1,
 *   "created": "2024-08-09",
 *   "definitions": { ...what every figure means, for a human reader; ignored when read... },
 *   "notes": [ "binance:BTCUSDT: slippage by bar-gap in every session; taker-sweep had … observations and is not used (…)" ],
 *   "sources": [ {"kind": "quotes", "file": "…csv.gz", "sha256": "…", "rows": 9999, "rows_used": 9999}, … ],
 *   "symbols": {
 *     "binance:BTCUSDT": {
 *       "asia":     {"spread_bps": {"n": …, "mean": "0.001617", "p50": "…", "p90": "…", "method": "quote-updates"},
 *                    "slippage_bps": {"n": …, "mean": "…", "p50": "…", "p90": "…", "method": "bar-gap"}},
 *       "london": …, "new_york": …, "outside": …, "all": …
 *     }
 *   }
 * }
 * </pre>
 *
 * Figures are decimal strings (exact; never binary floating point); an empty distribution is
 * {@code {"n": 0, "mean": null, "p50": null, "p90": null, "method": null}}. Written with keys in a
 * fixed order, so the same figures give the same bytes. Read strictly: a missing, unknown or
 * mistyped field refuses the file with its path in the message.
 */
public final class ExecutionMetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL = "all";
    private static final Map<String, String> DEFINITIONS = definitions();

    private ExecutionMetricsJson() {
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bps", "basis points of the price (1 bps = 0.01%); each observation an exact decimal rounded half-even to 6 places");
        d.put("sessions", "asia, london, new_york: Tokyo 09:00-18:00, London 08:00-17:00, New York 08:00-17:00 local time, weekdays "
                + "(the strategy module's SessionClock, daylight saving included); an overlap belongs to the session that opened last; "
                + "outside: weekends and the hours between New York's close and Tokyo's open; all: every observation of the symbol");
        d.put("spread_bps", "quote-updates: (ask - bid) / mid of every top-of-book update (tardis quotes, @bookTicker frames), "
                + "per update, not time-weighted");
        d.put("slippage_bps", "taker-sweep: per taker order (consecutive trades of equal time and aggressor side), (average fill - first "
                + "fill) / first fill, positive when worse for the taker; bar-gap: |open - previous close| / previous close of consecutive "
                + "1m bars, which spans the bounce across the spread. One method per symbol in every session: taker-sweep when it has 100 "
                + "orders in every session or the symbol has no bars, else bar-gap (see notes)");
        d.put("statistics", "n: observations; mean: exact, rounded half-even to 6 places; p50, p90: nearest-rank percentiles (observed values)");
        d.put("cost", "a taker fill (market order, triggered stop) in the backtest and the paper venue pays, beyond its reference price "
                + "(the open, or the stop), the chosen statistic of: slippage + spread / 2 (taker-sweep), or slippage alone (bar-gap); "
                + "slippage floored at 0; a figure from fewer than 100 observations in the session is replaced by the symbol's all");
        return Collections.unmodifiableMap(d);
    }

    /** The file's text: pretty-printed, keys in a fixed order, ending in a newline. */
    public static String write(ExecutionMetrics m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", m.version());
        root.put("created", m.created().toString());
        ObjectNode defs = root.putObject("definitions");
        DEFINITIONS.forEach(defs::put);
        ArrayNode notes = root.putArray("notes");
        m.notes().forEach(notes::add);
        ArrayNode sources = root.putArray("sources");
        for (SourceFile s : m.sources()) {
            ObjectNode o = sources.addObject();
            o.put("kind", s.kind());
            o.put("file", s.file());
            o.put("sha256", s.sha256());
            o.put("rows", s.rows());
            o.put("rows_used", s.rowsUsed());
        }
        ObjectNode symbols = root.putObject("symbols");
        m.symbols().forEach((id, symbol) -> {
            ObjectNode o = symbols.putObject(id);
            for (ExecutionSession s : ExecutionSession.values()) {
                cell(o.putObject(s.key()), symbol.session(s));
            }
            cell(o.putObject(ALL), symbol.all());
        });
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void cell(ObjectNode o, CellMetrics c) {
        stats(o.putObject("spread_bps"), c.spread());
        stats(o.putObject("slippage_bps"), c.slippage());
    }

    private static void stats(ObjectNode o, BpsStats s) {
        o.put("n", s.n());
        o.put("mean", s.isEmpty() ? null : s.mean().toPlainString());
        o.put("p50", s.isEmpty() ? null : s.p50().toPlainString());
        o.put("p90", s.isEmpty() ? null : s.p90().toPlainString());
        o.put("method", s.method());
    }

    /** Reads and checks {@code file}; every problem is an {@link IllegalArgumentException} naming the file and the field. */
    public static ExecutionMetrics read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the text of a metrics file; {@code source} names it in error messages. */
    public static ExecutionMetrics parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
        }
        Reader r = new Reader(source);
        r.object(root, "", Set.of("version", "created", "definitions", "notes", "sources", "symbols"));
        JsonNode version = r.field(root, "", "version");
        if (!version.isInt()) {
            throw r.bad("version", "expected an integer but found " + version);
        }
        if (version.intValue() != ExecutionMetrics.VERSION) {
            throw r.bad("version", "unsupported version " + version.intValue() + " (this build reads " + ExecutionMetrics.VERSION + ")");
        }
        LocalDate created;
        try {
            created = LocalDate.parse(r.text(root, "", "created"));
        } catch (DateTimeParseException e) {
            throw r.bad("created", "expected a date YYYY-MM-DD: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        JsonNode noteList = r.field(root, "", "notes");
        if (!noteList.isArray()) {
            throw r.bad("notes", "expected an array of strings");
        }
        for (int i = 0; i < noteList.size(); i++) {
            if (!noteList.get(i).isTextual()) {
                throw r.bad("notes[" + i + "]", "expected a string but found " + noteList.get(i));
            }
            notes.add(noteList.get(i).textValue());
        }
        List<SourceFile> sources = new ArrayList<>();
        JsonNode list = r.field(root, "", "sources");
        if (!list.isArray()) {
            throw r.bad("sources", "expected an array");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "sources[" + i + "]";
            JsonNode s = list.get(i);
            r.object(s, at, Set.of("kind", "file", "sha256", "rows", "rows_used"));
            try {
                sources.add(new SourceFile(r.text(s, at, "kind"), r.text(s, at, "file"), r.text(s, at, "sha256"), r.count(s, at, "rows"),
                        r.count(s, at, "rows_used")));
            } catch (IllegalArgumentException e) {
                throw r.bad(at, e.getMessage());
            }
        }
        JsonNode symbolsNode = r.field(root, "", "symbols");
        Set<String> cells = Set.of("asia", "london", "new_york", "outside", ALL);
        r.object(symbolsNode, "symbols", null);
        Map<String, SymbolMetrics> symbols = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : symbolsNode.properties()) {
            String at = "symbols." + e.getKey();
            r.object(e.getValue(), at, cells);
            Map<ExecutionSession, CellMetrics> sessions = new EnumMap<>(ExecutionSession.class);
            for (ExecutionSession s : ExecutionSession.values()) {
                sessions.put(s, r.cell(r.field(e.getValue(), at, s.key()), at + "." + s.key()));
            }
            CellMetrics all = r.cell(r.field(e.getValue(), at, ALL), at + "." + ALL);
            symbols.put(e.getKey(), new SymbolMetrics(sessions, all));
        }
        try {
            return new ExecutionMetrics(ExecutionMetrics.VERSION, created, sources, notes, symbols);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The strict reading of one file: each check names the file and the field's path. */
    private record Reader(String source) {
        IllegalArgumentException bad(String path, String problem) {
            return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        }

        /** {@code node} must be an object; when {@code allowed} is given, with exactly those fields. */
        void object(JsonNode node, String path, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                throw bad(path, "expected an object");
            }
            if (allowed != null) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!allowed.contains(name)) {
                        throw bad(join(path, name), "unknown field");
                    }
                }
            }
        }

        JsonNode field(JsonNode node, String path, String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                throw bad(join(path, name), "missing");
            }
            return v;
        }

        String text(JsonNode node, String path, String name) {
            JsonNode v = field(node, path, name);
            if (!v.isTextual()) {
                throw bad(join(path, name), "expected a string but found " + v);
            }
            return v.textValue();
        }

        long count(JsonNode node, String path, String name) {
            JsonNode v = field(node, path, name);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw bad(join(path, name), "expected a non-negative integer but found " + v);
            }
            return v.longValue();
        }

        CellMetrics cell(JsonNode node, String path) {
            object(node, path, Set.of("spread_bps", "slippage_bps"));
            try {
                return new CellMetrics(stats(field(node, path, "spread_bps"), path + ".spread_bps"),
                        stats(field(node, path, "slippage_bps"), path + ".slippage_bps"));
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith(source + ": ")) {
                    throw e;
                }
                throw bad(path, e.getMessage());
            }
        }

        BpsStats stats(JsonNode node, String path) {
            object(node, path, Set.of("n", "mean", "p50", "p90", "method"));
            long n = count(node, path, "n");
            if (n == 0) {
                for (String f : List.of("mean", "p50", "p90", "method")) {
                    if (!field(node, path, f).isNull()) {
                        throw bad(join(path, f), "must be null when n is 0");
                    }
                }
                return BpsStats.EMPTY;
            }
            try {
                return new BpsStats(n, decimal(node, path, "mean"), decimal(node, path, "p50"), decimal(node, path, "p90"), text(node, path, "method"));
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith(source + ": ")) {
                    throw e;
                }
                throw bad(path, e.getMessage());
            }
        }

        /** A figure: a decimal written as a string, so that no reader takes it through binary floating point. */
        BigDecimal decimal(JsonNode node, String path, String name) {
            String text = text(node, path, name);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw bad(join(path, name), "'" + text + "' is not a decimal number");
            }
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
