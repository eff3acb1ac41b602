package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

/**
 * A time series as an inline SVG line (optionally filled down to a baseline) with labelled UTC
 * time and value axes. Long series are reduced to the minimum and maximum of each pixel column,
 * so that no spike or drawdown disappears.
 */
final class LineChart {
    static final int LEFT = 90;
    static final int RIGHT = 20;
    static final int TOP = 34;
    static final int BOTTOM = 48;

    private LineChart() {
    }

    /**
     * @param x        times, epoch milliseconds, increasing
     * @param y        values
     * @param baseline when not NaN, the area between the line and this value is filled
     * @param guide    when not NaN, a dashed horizontal line at this value (the initial cash)
     */
    static String svg(String title, String yLabel, long[] x, double[] y, int width, int height, String stroke, String fill, double baseline,
                      double guide) {
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!Double.isNaN(baseline)) {
            lo = Math.min(lo, baseline);
            hi = Math.max(hi, baseline);
        }
        if (!Double.isNaN(guide)) {
            lo = Math.min(lo, guide);
            hi = Math.max(hi, guide);
        }
        NiceScale scale = NiceScale.of(lo, hi, 6);
        long t0 = x.length == 0 ? 0 : x[0];
        long t1 = x.length == 0 ? 1 : Math.max(x[x.length - 1], t0 + 1);
        TimeAxis time = TimeAxis.of(t0, t1);
        StringBuilder b = new StringBuilder(64 * 1024);
        Svg.open(b, width, height, title);
        Svg.title(b, LEFT, title);
        // grid and value axis
        for (double v : scale.ticks()) {
            double py = TOP + plotH - (v - scale.min()) / (scale.max() - scale.min()) * plotH;
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(c(py)).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y2=\"").append(c(py)).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(c(py + 4)).append("\" text-anchor=\"end\">")
                    .append(escape(scale.label(v))).append("</text>");
        }
        for (long t : time.ticks()) {
            double px = LEFT + (double) (t - t0) / (t1 - t0) * plotW;
            b.append("<line class=\"grid\" x1=\"").append(c(px)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(c(px)).append("\" y2=\"")
                    .append(TOP + plotH).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(c(px)).append("\" y=\"").append(TOP + plotH + 16).append("\" text-anchor=\"middle\">")
                    .append(escape(time.label(t))).append("</text>");
        }
        Svg.axes(b, LEFT, TOP, plotW, plotH, "time (UTC)", yLabel);
        // the series, one min/max pair per pixel column
        StringBuilder path = new StringBuilder(32 * 1024);
        double firstX = Double.NaN;
        double lastX = Double.NaN;
        int column = Integer.MIN_VALUE;
        double cMin = 0;
        double cMax = 0;
        double cFirst = 0;
        double cLast = 0;
        for (int i = 0; i <= x.length; i++) {
            int col = i < x.length ? (int) Math.floor((double) (x[i] - t0) / (t1 - t0) * plotW) : Integer.MAX_VALUE;
            if (col != column && column != Integer.MIN_VALUE) {
                double px = LEFT + column;
                if (Double.isNaN(firstX)) {
                    firstX = px;
                }
                lastX = px;
                point(path, px, cFirst, scale, plotH);
                point(path, px, cMin, scale, plotH);
                point(path, px, cMax, scale, plotH);
                point(path, px, cLast, scale, plotH);
            }
            if (i == x.length) {
                break;
            }
            if (col != column) {
                column = col;
                cMin = cMax = cFirst = y[i];
            }
            cMin = Math.min(cMin, y[i]);
            cMax = Math.max(cMax, y[i]);
            cLast = y[i];
        }
        if (path.length() > 0) {
            if (!Double.isNaN(baseline)) {
                double by = TOP + plotH - (baseline - scale.min()) / (scale.max() - scale.min()) * plotH;
                b.append("<path fill=\"").append(fill).append("\" stroke=\"none\" d=\"M").append(c(firstX)).append(' ').append(c(by))
                        .append(path).append(" L").append(c(lastX)).append(' ').append(c(by)).append(" Z\"/>");
            }
            b.append("<path fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.6\" d=\"M").append(path.substring(2)).append("\"/>");
        }
        if (!Double.isNaN(guide)) {
            double gy = TOP + plotH - (guide - scale.min()) / (scale.max() - scale.min()) * plotH;
            b.append("<line class=\"guide\" x1=\"").append(LEFT).append("\" y1=\"").append(c(gy)).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y2=\"").append(c(gy)).append("\"/>");
        }
        return b.append("</svg>").toString();
    }

    private static void point(StringBuilder path, double px, double v, NiceScale scale, int plotH) {
        double py = TOP + plotH - (v - scale.min()) / (scale.max() - scale.min()) * plotH;
        path.append(" L").append(c(px)).append(' ').append(c(py));
    }
}
