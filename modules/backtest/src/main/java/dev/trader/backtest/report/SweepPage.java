package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.escape;

import dev.trader.backtest.research.Objective;
import dev.trader.backtest.research.ParameterGrid;
import dev.trader.backtest.research.ParameterSet;
import dev.trader.backtest.research.SweepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sweep.html}: the objective over the grid as a heatmap of the first two parameters (with
 * more parameters, each cell shows the best over the others; with one, a single row), then the
 * table of every run. Self-contained, deterministic (no thread count, no clock in it).
 */
public final class SweepPage {
    private SweepPage() {
    }

    public static String html(String title, String subtitle, ParameterGrid grid, List<SweepResult> results, Objective objective) {
        StringBuilder b = new StringBuilder(64 * 1024);
        ResearchPages.open(b, title, subtitle);
        List<ParameterGrid.Axis> axes = grid.axes();
        if (!axes.isEmpty()) {
            ParameterGrid.Axis rows = axes.get(0);
            ParameterGrid.Axis cols = axes.size() > 1 ? axes.get(1) : null;
            List<String> colValues = cols == null ? List.of("") : cols.values();
            double[][] values = new double[rows.values().size()][colValues.size()];
            for (double[] row : values) {
                Arrays.fill(row, Double.NaN);
            }
            for (SweepResult r : results) {
                if (!r.ok()) {
                    continue;
                }
                int i = rows.values().indexOf(r.parameters().value(rows.name()));
                int j = cols == null ? 0 : cols.values().indexOf(r.parameters().value(cols.name()));
                double v = objective.value(r.metrics());
                if (Double.isFinite(v) && (Double.isNaN(values[i][j]) || v > values[i][j])) {
                    values[i][j] = v;
                }
            }
            String heading = objective.key() + " by " + rows.name() + (cols == null ? "" : " × " + cols.name())
                    + (axes.size() > 2 ? " (best over the other parameters)" : "");
            b.append("<section>").append(GridHeatmap.svg(heading, rows.name(), rows.values(), cols == null ? "" : cols.name(), colValues, values,
                    v -> ResearchPages.format(objective, v), 1320)).append("</section>\n");
        }
        int best = bestIndex(results, objective);
        List<String> header = new ArrayList<>(grid.names());
        header.addAll(List.of(objective.key(), "trades", "win rate", "net P&L", "total return", "Sharpe", "max drawdown", "profit factor", "status"));
        b.append("<section><table><caption>Every run, in grid order").append(best < 0 ? "" : "; best " + escape(objective.key()) + " highlighted")
                .append("</caption><tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (int k = 0; k < results.size(); k++) {
            SweepResult r = results.get(k);
            b.append(k == best ? "<tr class=\"best\">" : "<tr>");
            for (String v : r.parameters().values()) {
                b.append("<td>").append(escape(v)).append("</td>");
            }
            if (r.ok()) {
                var m = r.metrics();
                cells(b, ResearchPages.format(objective, objective.value(m)), Integer.toString(m.trades().trades()),
                        Html.percent(m.trades().winRate().doubleValue(), 1), Html.money(m.trades().netPnl()), Html.percent(m.totalReturn(), 2),
                        Html.ratio(m.sharpe(), 2), Html.percent(m.drawdown().maxFraction().doubleValue(), 2), Html.ratio(m.trades().profitFactor(), 2),
                        "ok");
            } else {
                cells(b, "", "", "", "", "", "", "", "", "invalid: " + r.error());
            }
            b.append("</tr>\n");
        }
        b.append("</table></section>\n");
        return b.append(ResearchPages.close()).toString();
    }

    private static void cells(StringBuilder b, String... values) {
        for (String v : values) {
            b.append("<td>").append(escape(v)).append("</td>");
        }
    }

    /** The first run with the highest score; −1 when none ran. */
    static int bestIndex(List<SweepResult> results, Objective objective) {
        int best = -1;
        double score = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < results.size(); i++) {
            double s = objective.score(results.get(i).metrics());
            if (results.get(i).ok() && (best < 0 || s > score)) {
                best = i;
                score = s;
            }
        }
        return best;
    }

    /** The best parameter set, for the CLI's summary line; null when none ran. */
    public static ParameterSet best(List<SweepResult> results, Objective objective) {
        int i = bestIndex(results, objective);
        return i < 0 ? null : results.get(i).parameters();
    }
}
