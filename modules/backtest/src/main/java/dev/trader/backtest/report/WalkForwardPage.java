package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.escape;

import dev.trader.backtest.metrics.Metrics;
import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.WalkForwardPlan;
import dev.trader.backtest.research.WalkForwardTotals;
import dev.trader.backtest.research.WindowResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code walk-forward.html}: the totals, a chart of the objective in sample next to out of sample
 * per window, and the table of windows with their ranges, chosen parameters and IS / OOS metrics
 * side by side. Self-contained and deterministic.
 */
final class WalkForwardPage {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private WalkForwardPage() {
    }

    static String html(String title, String subtitle, WalkForwardPlan plan, List<String> names, Objective objective, List<WindowResult> results,
                       WalkForwardTotals t) {
        StringBuilder b = new StringBuilder(64 * 1024);
        ResearchPages.open(b, title, subtitle);
        b.append("<p class=\"note\">").append(plan.anchored() ? "Anchored" : "Rolling").append(" windows: train ").append(Html.duration(plan.train()))
                .append(plan.validate().isZero() ? "" : ", validate " + Html.duration(plan.validate())).append(", test ")
                .append(Html.duration(plan.test())).append("; parameters chosen by ").append(escape(objective.key()))
                .append(" on the training range").append(plan.validate().isZero() ? "" : " (shortlist re-ranked on the validation range)")
                .append("; each range is its own backtest (cold start, flat at its start, positions closed at its end).</p>\n");
        ResearchPages.table(b, "Out of sample, all windows", List.of("windows", "mean IS " + objective.key(), "mean OOS " + objective.key(),
                "OOS / IS", "OOS net P&L", "OOS trades", "OOS return (compounded)", "profitable test windows"), List.of(List.of(
                Integer.toString(t.windows()), ResearchPages.format(objective, t.meanInSample()), ResearchPages.format(objective, t.meanOutOfSample()),
                Html.ratio(t.efficiency(), 2), Html.money(t.outOfSampleNetPnl()), Integer.toString(t.outOfSampleTrades()),
                Html.percent(t.outOfSampleReturn(), 2), t.profitableWindows() + " of " + t.windows())));
        List<String> labels = new ArrayList<>();
        double[] is = new double[results.size()];
        double[] oos = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            labels.add("#" + results.get(i).window().index());
            is[i] = objective.value(results.get(i).inSample());
            oos[i] = objective.value(results.get(i).outOfSample());
        }
        b.append("<section>").append(PairedBarChart.svg(objective.key() + " per window: in sample (training) and out of sample (test)", "window",
                objective.key(), labels, is, oos, "in sample", "out of sample", 1320, 300)).append("</section>\n");
        List<String> header = new ArrayList<>(List.of("window", "train (UTC)", "test (UTC)"));
        header.addAll(names);
        header.addAll(List.of("IS " + objective.key(), "OOS " + objective.key(), "IS net P&L", "OOS net P&L", "IS trades", "OOS trades",
                "IS return", "OOS return", "IS max DD", "OOS max DD"));
        List<List<String>> rows = new ArrayList<>();
        for (WindowResult r : results) {
            List<String> row = new ArrayList<>(List.of("#" + r.window().index(), range(r.window().trainStart(), r.window().trainEnd()),
                    range(r.window().testStart(), r.window().testEnd())));
            row.addAll(r.chosen().values());
            Metrics a = r.inSample();
            Metrics o = r.outOfSample();
            row.addAll(List.of(ResearchPages.format(objective, objective.value(a)), ResearchPages.format(objective, objective.value(o)),
                    Html.money(a.trades().netPnl()), Html.money(o.trades().netPnl()), Integer.toString(a.trades().trades()),
                    Integer.toString(o.trades().trades()), Html.percent(a.totalReturn(), 2), Html.percent(o.totalReturn(), 2),
                    Html.percent(a.drawdown().maxFraction().doubleValue(), 2), Html.percent(o.drawdown().maxFraction().doubleValue(), 2)));
            rows.add(row);
        }
        ResearchPages.table(b, String.format(Locale.ROOT, "Windows: in sample (IS) next to out of sample (OOS), %d parameter set(s) tried per window",
                results.isEmpty() ? 0 : results.get(0).trainRuns().size()), header, rows);
        return b.append(ResearchPages.close()).toString();
    }

    /** {@code 2023-03-16 22:15 – 2023-03-23 22:15}: minutes are the finest a window boundary needs on the page (the CSV has full times). */
    private static String range(Instant from, Instant to) {
        return MINUTE.format(from) + " – " + MINUTE.format(to);
    }
}
