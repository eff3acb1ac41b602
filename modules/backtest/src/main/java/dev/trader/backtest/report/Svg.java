package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

/** The frame every chart shares: the {@code <svg>} element, its title and the labelled axes. */
final class Svg {
    private Svg() {
    }

    static void open(StringBuilder b, int width, int height, String label) {
        b.append("<svg class=\"chart\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">");
    }

    static void title(StringBuilder b, int x, String title) {
        b.append("<text class=\"title\" x=\"").append(x).append("\" y=\"20\">").append(escape(title)).append("</text>");
    }

    /** The x and y axis lines with their labels, around a plot at ({@code left}, {@code top}). */
    static void axes(StringBuilder b, int left, int top, int plotW, int plotH, String xLabel, String yLabel) {
        b.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + plotH).append("\" x2=\"").append(left + plotW)
                .append("\" y2=\"").append(top + plotH).append("\"/>");
        b.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left).append("\" y2=\"")
                .append(top + plotH).append("\"/>");
        if (xLabel != null) {
            b.append("<text class=\"label\" x=\"").append(c(left + plotW / 2.0)).append("\" y=\"").append(top + plotH + 38)
                    .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>");
        }
        if (yLabel != null) {
            double cy = top + plotH / 2.0;
            b.append("<text class=\"label\" x=\"16\" y=\"").append(c(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                    .append(c(cy)).append(")\">").append(escape(yLabel)).append("</text>");
        }
    }
}
