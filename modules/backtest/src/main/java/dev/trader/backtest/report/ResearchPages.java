package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.escape;

import dev.trader.backtest.research.Objective;
import java.util.List;
import java.util.Locale;

/** What the sweep and walk-forward pages share: the page frame, the CSS, how an objective's value is shown. */
final class ResearchPages {
    private ResearchPages() {
    }

    static void open(StringBuilder b, String title, String subtitle) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(escape(title))
                .append("</h1>\n<p class=\"sub\">").append(escape(subtitle)).append("</p>\n");
    }

    static String close() {
        return "<footer>" + escape(MetricsJson.CONVENTIONS) + ".</footer>\n</body>\n</html>\n";
    }

    /** An objective's value as a person reads it: money with 2 decimals, fractions as percentages, ratios with 3 decimals. */
    static String format(Objective o, double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return switch (o) {
            case NET_PNL -> String.format(Locale.ROOT, "%,.2f", v);
            case CAGR, TOTAL_RETURN, WIN_RATE -> Html.percent(v, 2);
            case MAX_DRAWDOWN -> Html.percent(-v, 2);
            default -> Html.ratio(v, 3);
        };
    }

    static void table(StringBuilder b, String caption, List<String> header, List<List<String>> rows) {
        b.append("<table><caption>").append(escape(caption)).append("</caption><tr>");
        for (String h : header) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String cell : row) {
                b.append("<td>").append(escape(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    static final String CSS = """
            body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; margin: 16px 20px; color: #222; background: #fff; max-width: 1320px; }
            h1 { font-size: 22px; margin: 0 0 4px 0; }
            .sub { color: #555; margin: 0 0 12px 0; font-size: 13px; }
            section { margin: 0 0 14px 0; }
            svg.chart { display: block; }
            svg .grid { stroke: #e6e6e6; stroke-width: 1; }
            svg .axis { stroke: #444; stroke-width: 1; }
            svg .tick { font-size: 11px; fill: #444; }
            svg .label { font-size: 12px; fill: #333; }
            svg .title { font-size: 14px; font-weight: bold; fill: #222; }
            svg .cell { font-size: 11px; fill: #111; }
            table { border-collapse: collapse; font-size: 12px; margin: 4px 0 8px 0; }
            caption { text-align: left; font-weight: bold; font-size: 14px; padding-bottom: 4px; }
            th, td { border: 1px solid #ddd; padding: 3px 7px; text-align: right; white-space: nowrap; }
            th { background: #f3f3f3; }
            tr.best td { background: #e8f5e9; font-weight: bold; }
            .note { font-size: 12px; color: #555; }
            footer { font-size: 11px; color: #666; margin-top: 8px; }
            """;
}
