package dev.trader.backtest.challenge;

import dev.trader.backtest.floor.FloorBreach;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of {@code trader challenge}: {@code challenge.json} (the settings and, per kind of
 * run, pass rate, average days to pass, breaches), {@code runs.csv} (one row per run),
 * {@code breaches.csv} (every breach of every run) and {@code challenge.html} (the summary as a
 * table). Byte-identical for the same runs: fixed order, no wall-clock time.
 */
public final class ChallengeReport {
    public static final String JSON = "challenge.json";
    public static final String RUNS = "runs.csv";
    public static final String BREACHES = "breaches.csv";
    public static final String HTML = "challenge.html";

    /** Totals of one kind of run. */
    public record Totals(String kind, int runs, int passed, int failed, int notPassed, BigDecimal passRate, BigDecimal averageDaysToPass,
                         int breaches, int runsWithBreach) {
        static Totals of(String kind, List<ChallengeRun> runs) {
            int passed = 0;
            int failed = 0;
            int breaches = 0;
            int withBreach = 0;
            BigDecimal days = BigDecimal.ZERO;
            for (ChallengeRun r : runs) {
                if (r.outcome() == ChallengeOutcome.PASSED) {
                    passed++;
                    days = days.add(r.daysToPass());
                } else if (r.outcome() == ChallengeOutcome.FAILED) {
                    failed++;
                }
                breaches += r.breaches().size();
                withBreach += r.breaches().isEmpty() ? 0 : 1;
            }
            BigDecimal rate = runs.isEmpty() ? BigDecimal.ZERO
                    : BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(runs.size()), 4, RoundingMode.HALF_EVEN);
            BigDecimal avg = passed == 0 ? null : days.divide(BigDecimal.valueOf(passed), 2, RoundingMode.HALF_EVEN);
            return new Totals(kind, runs.size(), passed, failed, runs.size() - passed - failed, rate, avg, breaches, withBreach);
        }
    }

    private ChallengeReport() {
    }

    /** Totals per kind ("start", then "monte-carlo" when there are such runs). */
    public static List<Totals> totals(List<ChallengeRun> runs) {
        Map<String, List<ChallengeRun>> byKind = new LinkedHashMap<>();
        byKind.put("start", new ArrayList<>());
        for (ChallengeRun r : runs) {
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
        }
        List<Totals> out = new ArrayList<>();
        byKind.forEach((k, v) -> out.add(Totals.of(k, v)));
        return out;
    }

    /** Writes the four files into {@code dir}; {@code settings} (insertion order) goes into the JSON as given. */
    public static void write(Path dir, Map<String, String> settings, List<ChallengeRun> runs) throws IOException {
        Files.createDirectories(dir);
        List<Totals> totals = totals(runs);
        write(dir.resolve(JSON), json(settings, totals));
        write(dir.resolve(RUNS), runsCsv(runs));
        write(dir.resolve(BREACHES), breachesCsv(runs));
        write(dir.resolve(HTML), html(settings, totals));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String json(Map<String, String> settings, List<Totals> totals) {
        StringBuilder b = new StringBuilder("{\n  \"settings\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : settings.entrySet()) {
            b.append(sep).append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",\n";
        }
        b.append("\n  },\n  \"results\": [");
        sep = "\n";
        for (Totals t : totals) {
            b.append(sep).append("    {\"kind\": ").append(quote(t.kind())).append(", \"runs\": ").append(t.runs()).append(", \"passed\": ")
                    .append(t.passed()).append(", \"failed\": ").append(t.failed()).append(", \"not_passed\": ").append(t.notPassed())
                    .append(", \"pass_rate\": ").append(t.passRate().toPlainString()).append(", \"average_days_to_pass\": ")
                    .append(t.averageDaysToPass() == null ? "null" : t.averageDaysToPass().toPlainString()).append(", \"breaches\": ")
                    .append(t.breaches()).append(", \"runs_with_breach\": ").append(t.runsWithBreach()).append('}');
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static String runsCsv(List<ChallengeRun> runs) {
        StringBuilder b = new StringBuilder("kind,index,start,end,outcome,days_to_pass,trading_days,trades,end_equity,breaches,first_breach_time,"
                + "first_breach_floor,first_breach_shortfall,rejected_entries\n");
        for (ChallengeRun r : runs) {
            FloorBreach f = r.breaches().isEmpty() ? null : r.breaches().get(0);
            b.append(r.kind()).append(',').append(r.index()).append(',').append(r.start()).append(',').append(r.end()).append(',')
                    .append(r.outcome().code()).append(',').append(r.daysToPass() == null ? "" : r.daysToPass().toPlainString()).append(',')
                    .append(r.tradingDays()).append(',').append(r.trades()).append(',').append(r.endEquity().toBigDecimal().toPlainString())
                    .append(',').append(r.breaches().size()).append(',').append(f == null ? "" : f.time().toString()).append(',')
                    .append(f == null ? "" : f.floor()).append(',').append(f == null ? "" : f.shortfall().toBigDecimal().toPlainString())
                    .append(',').append(r.rejected()).append('\n');
        }
        return b.toString();
    }

    static String breachesCsv(List<ChallengeRun> runs) {
        StringBuilder b = new StringBuilder("kind,index,time,floor,equity,floor_value,shortfall\n");
        for (ChallengeRun r : runs) {
            for (FloorBreach f : r.breaches()) {
                b.append(r.kind()).append(',').append(r.index()).append(',').append(f.time()).append(',').append(f.floor()).append(',')
                        .append(f.equity().toBigDecimal().toPlainString()).append(',').append(f.floorValue().toBigDecimal().toPlainString())
                        .append(',').append(f.shortfall().toBigDecimal().toPlainString()).append('\n');
            }
        }
        return b.toString();
    }

    static String html(Map<String, String> settings, List<Totals> totals) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Challenge simulation</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;"
                + "text-align:right}th{background:#eee}</style></head><body>\n<h1>Challenge simulation</h1>\n<table>\n");
        settings.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        b.append("</table>\n<h2>Results</h2>\n<table>\n<tr><th>kind</th><th>runs</th><th>passed</th><th>failed</th><th>not passed</th>"
                + "<th>pass rate</th><th>avg days to pass</th><th>breaches</th><th>runs with a breach</th></tr>\n");
        for (Totals t : totals) {
            b.append("<tr><td>").append(esc(t.kind())).append("</td><td>").append(t.runs()).append("</td><td>").append(t.passed())
                    .append("</td><td>").append(t.failed()).append("</td><td>").append(t.notPassed()).append("</td><td>")
                    .append(t.passRate().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append("%</td><td>")
                    .append(t.averageDaysToPass() == null ? "n/a" : t.averageDaysToPass().toPlainString()).append("</td><td>").append(t.breaches())
                    .append("</td><td>").append(t.runsWithBreach()).append("</td></tr>\n");
        }
        return b.append("</table>\n<p>Per-run rows: runs.csv; every breach: breaches.csv.</p>\n</body></html>\n").toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
