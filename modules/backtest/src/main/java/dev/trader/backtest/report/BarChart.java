package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

import java.util.List;

/**
 * Returns per period as inline SVG bars around a zero line: green up, red down, a value axis in
 * percent and the period labels below (thinned out when there are many). Each bar has a tooltip.
 */
final class BarChart {
    static final String UP = "#2ca02c";
    static final String DOWN = "#d62728";
    private static final int LEFT = 70;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 52;

    private BarChart() {
    }

    /** @param values fractions (0.01 = 1%); a NaN is drawn as no bar */
    static String svg(String title, String xLabel, List<String> labels, double[] values, int width, int height) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v * 100);
                hi = Math.max(hi, v * 100);
            }
        }
        NiceScale scale = NiceScale.of(lo, hi, 5);
        StringBuilder b = new StringBuilder(8 * 1024);
        Svg.open(b, width, height, title);
        Svg.title(b, LEFT, title);
        for (double v : scale.ticks()) {
            double py = y(v, scale, plotH);
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(c(py)).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y2=\"").append(c(py)).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(c(py + 4)).append("\" text-anchor=\"end\">")
                    .append(escape(scale.label(v))).append("%</text>");
        }
        int n = values.length;
        double slot = n == 0 ? plotW : (double) plotW / n;
        double barW = Math.max(1, slot * 0.7);
        int every = Math.max(1, (int) Math.ceil(n / 10.0));
        double zero = y(0, scale, plotH);
        for (int i = 0; i < n; i++) {
            double x = LEFT + i * slot + (slot - barW) / 2;
            if (Double.isFinite(values[i])) {
                double py = y(values[i] * 100, scale, plotH);
                double top = Math.min(py, zero);
                double h = Math.max(1, Math.abs(py - zero));
                b.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(top)).append("\" width=\"").append(c(barW)).append("\" height=\"")
                        .append(c(h)).append("\" fill=\"").append(values[i] >= 0 ? UP : DOWN).append("\"><title>").append(escape(labels.get(i)))
                        .append(": ").append(Html.percent(values[i], 2)).append("</title></rect>");
            }
            if (i % every == 0) {
                b.append("<text class=\"tick\" x=\"").append(c(LEFT + i * slot + slot / 2)).append("\" y=\"").append(TOP + plotH + 16)
                        .append("\" text-anchor=\"middle\">").append(escape(labels.get(i))).append("</text>");
            }
        }
        b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(c(zero)).append("\" x2=\"").append(LEFT + plotW)
                .append("\" y2=\"").append(c(zero)).append("\"/>");
        Svg.axes(b, LEFT, TOP, plotW, plotH, xLabel, "return");
        return b.append("</svg>").toString();
    }

    private static double y(double v, NiceScale scale, int plotH) {
        return TOP + plotH - (v - scale.min()) / (scale.max() - scale.min()) * plotH;
    }
}
