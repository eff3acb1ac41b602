package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.escape;
import static dev.trader.backtest.report.Html.money;
import static dev.trader.backtest.report.Html.percent;
import static dev.trader.backtest.report.Html.ratio;

import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.Summary;
import dev.trader.backtest.metrics.HitRate;
import dev.trader.backtest.metrics.Metrics;
import dev.trader.backtest.metrics.PeriodReturn;
import dev.trader.backtest.metrics.SessionHitRates;
import dev.trader.backtest.metrics.TradeStats;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external URL)
 * with the key metrics, the equity curve, the drawdown, monthly and daily returns, the weekday ×
 * hour heatmap and the hit rate by session. Laid out for a 1400-pixel-wide window; the charts sit
 * in the first 2000 pixels (1320 wide, so no horizontal scrolling). Deterministic: the same run gives the same bytes.
 */
public final class ReportPage {
    static final String EQUITY_COLOR = "#1f77b4";
    static final String DRAWDOWN_COLOR = "#d62728";
    private static final int WIDE = 1320;
    private static final int HALF = 650;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ReportPage() {
    }

    public static String html(Summary s, Metrics m, EquityCurve curve) {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Backtest ").append(escape(s.strategy()))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(b, s, m);
        cards(b, s, m);
        b.append("<section>").append(equityChart(m, curve)).append("</section>\n");
        b.append("<section>").append(drawdownChart(curve)).append("</section>\n");
        b.append("<section class=\"row\"><div class=\"half\">").append(monthlyTable(m.monthly()))
                .append(BarChart.svg("Monthly returns", "month (UTC)", labels(m.monthly()), values(m.monthly()), HALF, 200))
                .append("</div><div class=\"half\">")
                .append(BarChart.svg("Daily returns", "day (UTC)", dayLabels(m.daily()), values(m.daily()), HALF, 290))
                .append("</div></section>\n");
        b.append("<section class=\"row\"><div class=\"wide\">")
                .append(Heatmap.svg("Hit rate by weekday × hour of entry (UTC)", m.weekdayHour(), 900))
                .append("</div><div class=\"side\">").append(sessionTable(m.sessions())).append("</div></section>\n");
        b.append("<section>").append(tradeTable(m.trades(), m)).append("</section>\n");
        b.append("<footer>").append(escape(MetricsJson.CONVENTIONS)).append(".</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, Summary s, Metrics m) {
        List<String> ids = new ArrayList<>();
        for (InstrumentId id : s.instruments()) {
            ids.add(id.value());
        }
        b.append("<h1>Backtest report: ").append(escape(s.strategy())).append("</h1>\n<p class=\"sub\">")
                .append(escape(String.join(", ", ids))).append(" · ").append(escape(s.timeframe())).append(" bars · ")
                .append(String.format(Locale.ROOT, "%,d", s.bars())).append(" bars from ").append(m.start()).append(" to ").append(m.end())
                .append(" (UTC) · initial cash ").append(money(s.initialCash())).append(' ').append(escape(s.currency())).append("</p>\n");
    }

    private static void cards(StringBuilder b, Summary s, Metrics m) {
        TradeStats t = m.trades();
        b.append("<section class=\"cards\">\n");
        card(b, "Net P&L (round trips)", money(s.netPnl()), sign(s.netPnl()));
        card(b, "Total P&L (incl. open)", money(m.totalPnl()), sign(m.totalPnl()));
        card(b, "Total return", percent(m.totalReturn(), 2), Math.signum(m.totalReturn()));
        card(b, "CAGR (365-day years)", percent(m.cagr(), 2), Math.signum(m.cagr()));
        card(b, "Sharpe (per bar, ann.)", ratio(m.sharpe(), 2), Math.signum(m.sharpe()));
        card(b, "Sharpe (daily, ann.)", ratio(m.sharpeDaily(), 2), Math.signum(m.sharpeDaily()));
        card(b, "Sortino (per bar, ann.)", ratio(m.sortino(), 2), Math.signum(m.sortino()));
        card(b, "Calmar", ratio(m.calmar(), 2), Math.signum(m.calmar()));
        card(b, "Max drawdown", money(m.drawdown().max()) + " (" + percent(m.drawdown().maxFraction().doubleValue(), 2) + ")",
                -sign(m.drawdown().max()));
        card(b, "Longest drawdown", Html.duration(m.drawdown().longestDuration()) + (m.drawdown().longestRecovered() ? "" : " (open)"), 0);
        card(b, "Round trips", String.format(Locale.ROOT, "%,d (%d open)", t.trades(), s.openPositions()), 0);
        card(b, "Win rate", percent(t.winRate().doubleValue(), 1), 0);
        card(b, "Profit factor", ratio(t.profitFactor(), 2), Double.isFinite(t.profitFactor()) ? Math.signum(t.profitFactor() - 1) : 0);
        card(b, "Expectancy / trade", money(t.expectancy()), sign(t.expectancy()));
        card(b, "Expectancy (R)", t.rTrades() == 0 ? "n/a (no stops)" : ratio(t.expectancyR(), 3) + " R", Math.signum(t.expectancyR()));
        card(b, "Avg win / loss (R)", ratio(t.avgWinR(), 2) + " / " + ratio(t.avgLossR(), 2), 0);
        card(b, "Exposure", percent(m.exposure(), 1), 0);
        card(b, "Average hold", Html.duration(t.avgHold()), 0);
        card(b, "Fees (round trips)", money(t.fees()), 0);
        card(b, "Slippage cost", money(t.slippage()), 0);
        card(b, "Turnover (x mean equity)", ratio(m.turnover(), 2), 0);
        card(b, "Final equity", money(m.finalEquity()), 0);
        b.append("</section>\n");
    }

    private static void card(StringBuilder b, String label, String value, double sign) {
        String cls = sign > 0 ? " pos" : sign < 0 ? " neg" : "";
        b.append("<div class=\"card\"><div class=\"k\">").append(escape(label)).append("</div><div class=\"v").append(cls).append("\">")
                .append(escape(value)).append("</div></div>\n");
    }

    private static String equityChart(Metrics m, EquityCurve curve) {
        int n = curve.size();
        long[] x = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = curve.timeMillis(i);
            y[i] = curve.equity(i).toBigDecimal().doubleValue();
        }
        double initial = m.initialCash().toBigDecimal().doubleValue();
        return LineChart.svg("Equity (" + curve.currency() + ", at each bar close; dashed: initial cash)", "equity (" + curve.currency() + ")", x, y,
                WIDE, 320, EQUITY_COLOR, "rgba(31,119,180,0.12)", Double.NaN, initial);
    }

    private static String drawdownChart(EquityCurve curve) {
        int n = curve.size();
        long[] x = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = curve.timeMillis(i);
            double peak = curve.peak(i).toBigDecimal().doubleValue();
            y[i] = peak > 0 ? -curve.drawdown(i).toBigDecimal().doubleValue() / peak * 100 : 0;
        }
        return LineChart.svg("Drawdown (% below the running peak of equity)", "drawdown (%)", x, y, WIDE, 200, DRAWDOWN_COLOR,
                "rgba(214,39,40,0.35)", 0, Double.NaN);
    }

    /** Years down, months across, with the compounded year in the last column. */
    private static String monthlyTable(List<PeriodReturn> monthly) {
        TreeMap<String, double[]> years = new TreeMap<>();
        for (PeriodReturn p : monthly) {
            double[] row = years.computeIfAbsent(p.period().substring(0, 4), k -> {
                double[] r = new double[12];
                Arrays.fill(r, Double.NaN);
                return r;
            });
            row[Integer.parseInt(p.period().substring(5, 7)) - 1] = p.value();
        }
        StringBuilder b = new StringBuilder("<table class=\"months\"><caption>Monthly returns (UTC months)</caption><tr><th>year</th>");
        for (String mo : MONTHS) {
            b.append("<th>").append(mo).append("</th>");
        }
        b.append("<th>year</th></tr>");
        for (var e : years.entrySet()) {
            b.append("<tr><th>").append(e.getKey()).append("</th>");
            double compounded = 1;
            boolean any = false;
            for (double v : e.getValue()) {
                b.append(returnCell(v));
                if (Double.isFinite(v)) {
                    compounded *= 1 + v;
                    any = true;
                }
            }
            b.append(returnCell(any ? compounded - 1 : Double.NaN)).append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String returnCell(double v) {
        if (!Double.isFinite(v)) {
            return "<td></td>";
        }
        return "<td class=\"" + (v >= 0 ? "pos" : "neg") + "\">" + percent(v, 2) + "</td>";
    }

    private static String sessionTable(SessionHitRates s) {
        StringBuilder b = new StringBuilder("<table><caption>Hit rate by session at entry</caption><tr><th>session</th><th>trades</th><th>wins</th>"
                + "<th>win rate</th><th>net P&amp;L</th></tr>");
        sessionRow(b, "Asia (Tokyo 09-18)", s.asia());
        sessionRow(b, "London (08-17)", s.london());
        sessionRow(b, "New York (08-17)", s.newYork());
        sessionRow(b, "outside all three", s.outside());
        return b.append("</table><p class=\"note\">Local hours with daylight saving (SessionClock); a trade entered in an overlap counts for "
                + "both sessions.</p>").toString();
    }

    private static void sessionRow(StringBuilder b, String name, HitRate h) {
        b.append("<tr><th>").append(escape(name)).append("</th><td>").append(h.trades()).append("</td><td>").append(h.wins()).append("</td><td>")
                .append(h.trades() == 0 ? "n/a" : percent(h.winRate().doubleValue(), 1)).append("</td><td class=\"")
                .append(sign(h.netPnl()) >= 0 ? "pos" : "neg").append("\">").append(money(h.netPnl())).append("</td></tr>");
    }

    private static String tradeTable(TradeStats t, Metrics m) {
        StringBuilder b = new StringBuilder("<table class=\"stats\"><caption>Trade statistics (round trips, after fees)</caption>");
        row(b, "trades / wins / losses", t.trades() + " / " + t.wins() + " / " + t.losses());
        row(b, "gross profit / gross loss", money(t.grossProfit()) + " / " + money(t.grossLoss()));
        row(b, "average win / average loss", money(t.avgWin()) + " / " + money(t.avgLoss()));
        row(b, "trades with an R (initial stop known)", Integer.toString(t.rTrades()));
        row(b, "traded notional / fees of all fills", money(m.tradedNotional()) + " / " + money(m.feesAllFills()));
        row(b, "Sortino (daily, ann.)", ratio(m.sortinoDaily(), 2));
        row(b, "max drawdown peak → trough → recovery", m.drawdown().peakTime() + " → " + m.drawdown().troughTime() + " → "
                + (m.drawdown().recoveryTime() == null ? "not recovered" : m.drawdown().recoveryTime()));
        return b.append("</table>").toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v)).append("</td></tr>");
    }

    private static List<String> labels(List<PeriodReturn> periods) {
        return periods.stream().map(PeriodReturn::period).toList();
    }

    private static List<String> dayLabels(List<PeriodReturn> periods) {
        return periods.stream().map(p -> p.period().substring(5)).toList();
    }

    private static double[] values(List<PeriodReturn> periods) {
        return periods.stream().mapToDouble(PeriodReturn::value).toArray();
    }

    private static int sign(Money m) {
        return Long.signum(m.raw());
    }

    private static final String CSS = """
            body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; margin: 16px 20px; color: #222; background: #fff; width: 1320px; }
            h1 { font-size: 22px; margin: 0 0 4px 0; }
            .sub { color: #555; margin: 0 0 12px 0; font-size: 13px; }
            section { margin: 0 0 10px 0; }
            .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 8px; }
            .card { border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; background: #fafafa; }
            .card .k { font-size: 11px; color: #666; }
            .card .v { font-size: 17px; font-weight: bold; margin-top: 2px; }
            .pos { color: #1a7f1a; }
            .neg { color: #c0211f; }
            .row { display: flex; gap: 20px; align-items: flex-start; }
            .half { width: 650px; flex: none; }
            .wide { width: 900px; flex: none; }
            .side { width: 400px; flex: none; padding-top: 30px; }
            svg.chart { display: block; }
            svg .grid { stroke: #e6e6e6; stroke-width: 1; }
            svg .axis { stroke: #444; stroke-width: 1; }
            svg .guide { stroke: #777; stroke-width: 1; stroke-dasharray: 5 4; }
            svg .tick { font-size: 11px; fill: #444; }
            svg .label { font-size: 12px; fill: #333; }
            svg .title { font-size: 14px; font-weight: bold; fill: #222; }
            svg .cell { font-size: 11px; fill: #111; }
            table { border-collapse: collapse; font-size: 12px; margin: 4px 0 8px 0; }
            caption { text-align: left; font-weight: bold; font-size: 14px; padding-bottom: 4px; }
            th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: right; }
            th { background: #f3f3f3; text-align: left; }
            table.months th, table.months td { padding: 2px 4px; min-width: 34px; font-size: 11px; }
            .note { font-size: 11px; color: #666; }
            footer { font-size: 11px; color: #666; margin-top: 8px; }
            """;
}
