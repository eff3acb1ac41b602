package dev.trader.backtest.report;

import dev.trader.backtest.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric columns the research tables share, named as in {@code summary.json}: money exact,
 * ratios to 6 decimals, empty when not defined (or when there are no metrics).
 */
final class MetricColumns {
    static final List<String> NAMES = List.of("trades", "wins", "win_rate", "net_pnl", "total_pnl", "total_return", "cagr", "sharpe", "sortino",
            "sharpe_daily", "calmar", "max_drawdown", "max_drawdown_pct", "profit_factor", "expectancy_r", "exposure", "fees", "final_equity");

    private MetricColumns() {
    }

    /** The columns' values for {@code m}; as many empty fields when it is null. */
    static List<String> values(Metrics m) {
        List<String> out = new ArrayList<>(NAMES.size());
        if (m == null) {
            for (int i = 0; i < NAMES.size(); i++) {
                out.add("");
            }
            return out;
        }
        var t = m.trades();
        out.add(Integer.toString(t.trades()));
        out.add(Integer.toString(t.wins()));
        out.add(t.winRate().toPlainString());
        out.add(JsonObject.money(t.netPnl()));
        out.add(JsonObject.money(m.totalPnl()));
        out.add(Csv.ratio(m.totalReturn()));
        out.add(Csv.ratio(m.cagr()));
        out.add(Csv.ratio(m.sharpe()));
        out.add(Csv.ratio(m.sortino()));
        out.add(Csv.ratio(m.sharpeDaily()));
        out.add(Csv.ratio(m.calmar()));
        out.add(JsonObject.money(m.drawdown().max()));
        out.add(m.drawdown().maxFraction().toPlainString());
        out.add(Csv.ratio(t.profitFactor()));
        out.add(Csv.ratio(t.expectancyR()));
        out.add(Csv.ratio(m.exposure()));
        out.add(JsonObject.money(t.fees()));
        out.add(JsonObject.money(m.finalEquity()));
        return out;
    }
}
