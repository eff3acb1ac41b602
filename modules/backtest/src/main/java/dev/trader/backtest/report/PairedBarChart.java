package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

import java.util.List;

/**
 * Two values per category side by side (in-sample blue, out-of-sample orange) around a zero line,
 * as inline SVG with a labelled value axis and a legend: the walk-forward's IS-vs-OOS picture.
 */
final class PairedBarChart {
    static final String FIRST = "#1f77b4";
    static final String SECOND = "#ff7f0e";
    private static final int LEFT = 80;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;

    private PairedBarChart() {
    }

    static String svg(String title, String xLabel, String yLabel, List<String> labels, double[] first, double[] second, String firstName,
                      String secondName, int width, int height) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double lo = 0;
        double hi = 0;
        for (double[] series : new double[][] {first, second}) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        NiceScale scale = NiceScale.of(lo, hi, 6);
        StringBuilder b = new StringBuilder(8 * 1024);
        Svg.open(b, width, height, title);
        Svg.title(b, LEFT, title);
        legend(b, LEFT + plotW - 260, FIRST, firstName);
        legend(b, LEFT + plotW - 130, SECOND, secondName);
        for (double v : scale.ticks()) {
            double py = y(v, scale, plotH);
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(c(py)).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y2=\"").append(c(py)).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(c(py + 4)).append("\" text-anchor=\"end\">")
                    .append(escape(scale.label(v))).append("</text>");
        }
        int n = labels.size();
        double slot = n == 0 ? plotW : (double) plotW / n;
        double barW = Math.max(1, slot * 0.36);
        double zero = y(0, scale, plotH);
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int i = 0; i < n; i++) {
            double x0 = LEFT + i * slot + slot * 0.12;
            bar(b, x0, barW, first[i], zero, scale, plotH, FIRST, labels.get(i) + " " + firstName);
            bar(b, x0 + barW, barW, second[i], zero, scale, plotH, SECOND, labels.get(i) + " " + secondName);
            if (i % every == 0) {
                b.append("<text class=\"tick\" x=\"").append(c(LEFT + i * slot + slot / 2)).append("\" y=\"").append(TOP + plotH + 16)
                        .append("\" text-anchor=\"middle\">").append(escape(labels.get(i))).append("</text>");
            }
        }
        b.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(c(zero)).append("\" x2=\"").append(LEFT + plotW)
                .append("\" y2=\"").append(c(zero)).append("\"/>");
        Svg.axes(b, LEFT, TOP, plotW, plotH, xLabel, yLabel);
        return b.append("</svg>").toString();
    }

    private static void bar(StringBuilder b, double x, double w, double v, double zero, NiceScale scale, int plotH, String color, String label) {
        if (!Double.isFinite(v)) {
            return;
        }
        double py = y(v, scale, plotH);
        b.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(Math.min(py, zero))).append("\" width=\"").append(c(w)).append("\" height=\"")
                .append(c(Math.max(1, Math.abs(py - zero)))).append("\" fill=\"").append(color).append("\"><title>").append(escape(label)).append(": ")
                .append(escape(scale.label(v))).append("</title></rect>");
    }

    private static void legend(StringBuilder b, int x, String color, String name) {
        b.append("<rect x=\"").append(x).append("\" y=\"10\" width=\"12\" height=\"12\" fill=\"").append(color).append("\"/>");
        b.append("<text class=\"tick\" x=\"").append(x + 16).append("\" y=\"20\">").append(escape(name)).append("</text>");
    }

    private static double y(double v, NiceScale scale, int plotH) {
        return TOP + plotH - (v - scale.min()) / (scale.max() - scale.min()) * plotH;
    }
}
