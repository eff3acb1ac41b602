package dev.trader.backtest.report;

import dev.trader.backtest.research.SweepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep.csv}: one row per parameter set in grid order: the parameters, {@code status}
 * ({@code ok}, or {@code invalid: } and the strategy's reason), then {@link MetricColumns}.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static String csv(List<String> parameterNames, List<SweepResult> results) {
        List<String> header = new ArrayList<>(parameterNames);
        header.add("status");
        header.addAll(MetricColumns.NAMES);
        StringBuilder b = new StringBuilder(Csv.line(header));
        for (SweepResult r : results) {
            List<String> row = new ArrayList<>(r.parameters().values());
            row.add(r.ok() ? "ok" : "invalid: " + r.error());
            row.addAll(MetricColumns.values(r.metrics()));
            b.append(Csv.line(row));
        }
        return b.toString();
    }
}
