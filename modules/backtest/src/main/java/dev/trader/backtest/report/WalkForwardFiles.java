package dev.trader.backtest.report;

import static dev.trader.backtest.report.JsonObject.integer;
import static dev.trader.backtest.report.JsonObject.money;
import static dev.trader.backtest.report.JsonObject.ratio;
import static dev.trader.backtest.report.JsonObject.string;

import dev.trader.backtest.metrics.Metrics;
import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.SweepResult;
import dev.trader.backtest.research.WalkForwardPlan;
import dev.trader.backtest.research.WalkForwardTotals;
import dev.trader.backtest.research.WalkForwardWindow;
import dev.trader.backtest.research.WindowResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a walk-forward into a folder: {@code walk-forward.csv} (one row per window: its ranges,
 * the chosen parameters, in-sample next to out-of-sample metrics), {@code walk-forward-train.csv}
 * (every parameter set on every training range), {@code walk-forward.json} (plan, totals,
 * windows) and {@code walk-forward.html}. Deterministic.
 */
public final class WalkForwardFiles {
    public static final String CSV = "walk-forward.csv";
    public static final String TRAIN_CSV = "walk-forward-train.csv";
    public static final String JSON = "walk-forward.json";
    public static final String HTML = "walk-forward.html";

    private WalkForwardFiles() {
    }

    public static void write(Path dir, String title, String subtitle, WalkForwardPlan plan, List<String> parameterNames, Objective objective,
                             List<WindowResult> results, String currency) throws IOException {
        Files.createDirectories(dir);
        WalkForwardTotals totals = WalkForwardTotals.of(results, objective, currency);
        Files.writeString(dir.resolve(CSV), windowsCsv(parameterNames, objective, results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TRAIN_CSV), trainCsv(parameterNames, results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JSON), json(plan, parameterNames, objective, results, totals).toJson(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), WalkForwardPage.html(title, subtitle, plan, parameterNames, objective, results, totals),
                StandardCharsets.UTF_8);
    }

    static String windowsCsv(List<String> names, Objective objective, List<WindowResult> results) {
        List<String> header = new ArrayList<>(List.of("window", "train_start", "train_end", "validate_start", "validate_end", "test_start", "test_end"));
        header.addAll(names);
        header.addAll(List.of("is_" + objective.key(), "validation_" + objective.key(), "oos_" + objective.key()));
        for (String m : MetricColumns.NAMES) {
            header.add("is_" + m);
        }
        for (String m : MetricColumns.NAMES) {
            header.add("oos_" + m);
        }
        StringBuilder b = new StringBuilder(Csv.line(header));
        for (WindowResult r : results) {
            WalkForwardWindow w = r.window();
            List<String> row = new ArrayList<>(List.of(Integer.toString(w.index()), w.trainStart().toString(), w.trainEnd().toString(),
                    w.hasValidation() ? w.validateStart().toString() : "", w.hasValidation() ? w.validateEnd().toString() : "", w.testStart().toString(),
                    w.testEnd().toString()));
            row.addAll(r.chosen().values());
            row.add(Csv.ratio(objective.value(r.inSample())));
            row.add(r.validation() == null ? "" : Csv.ratio(objective.value(r.validation())));
            row.add(Csv.ratio(objective.value(r.outOfSample())));
            row.addAll(MetricColumns.values(r.inSample()));
            row.addAll(MetricColumns.values(r.outOfSample()));
            b.append(Csv.line(row));
        }
        return b.toString();
    }

    static String trainCsv(List<String> names, List<WindowResult> results) {
        List<String> header = new ArrayList<>(List.of("window", "train_start", "train_end"));
        header.addAll(names);
        header.add("chosen");
        header.add("status");
        header.addAll(MetricColumns.NAMES);
        StringBuilder b = new StringBuilder(Csv.line(header));
        for (WindowResult r : results) {
            for (SweepResult s : r.trainRuns()) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(r.window().index()), r.window().trainStart().toString(),
                        r.window().trainEnd().toString()));
                row.addAll(s.parameters().values());
                row.add(s.parameters().equals(r.chosen()) ? "yes" : "");
                row.add(s.ok() ? "ok" : "invalid: " + s.error());
                row.addAll(MetricColumns.values(s.metrics()));
                b.append(Csv.line(row));
            }
        }
        return b.toString();
    }

    static JsonObject json(WalkForwardPlan plan, List<String> names, Objective objective, List<WindowResult> results, WalkForwardTotals t) {
        List<String> quotedNames = names.stream().map(JsonObject::string).toList();
        List<JsonObject> windows = new ArrayList<>();
        for (WindowResult r : results) {
            JsonObject chosen = new JsonObject();
            r.chosen().asMap().forEach((k, v) -> chosen.put(k, string(v)));
            WalkForwardWindow w = r.window();
            windows.add(new JsonObject().put("window", integer(w.index())).put("train_start", string(w.trainStart().toString()))
                    .put("train_end", string(w.trainEnd().toString())).put("test_start", string(w.testStart().toString()))
                    .put("test_end", string(w.testEnd().toString())).put("chosen", chosen)
                    .put("in_sample", side(objective, r.inSample())).put("validation", r.validation() == null ? new JsonObject() : side(objective, r.validation()))
                    .put("out_of_sample", side(objective, r.outOfSample())));
        }
        return new JsonObject()
                .put("mode", string(plan.anchored() ? "anchored" : "rolling"))
                .put("train", string(plan.train().toString()))
                .put("validate", string(plan.validate().toString()))
                .put("test", string(plan.test().toString()))
                .put("metric", string(objective.key()))
                .put("parameters", quotedNames)
                .put("windows", integer(t.windows()))
                .put("mean_in_sample", ratio(t.meanInSample()))
                .put("mean_out_of_sample", ratio(t.meanOutOfSample()))
                .put("efficiency", ratio(t.efficiency()))
                .put("out_of_sample_net_pnl", money(t.outOfSampleNetPnl()))
                .put("out_of_sample_trades", integer(t.outOfSampleTrades()))
                .put("out_of_sample_return", ratio(t.outOfSampleReturn()))
                .put("profitable_windows", integer(t.profitableWindows()))
                .put("results", windows);
    }

    private static JsonObject side(Objective objective, Metrics m) {
        return new JsonObject().put(objective.key(), ratio(objective.value(m))).put("trades", integer(m.trades().trades()))
                .put("net_pnl", money(m.trades().netPnl())).put("total_return", ratio(m.totalReturn())).put("sharpe", ratio(m.sharpe()))
                .put("max_drawdown_pct", m.drawdown().maxFraction().toPlainString());
    }
}
