package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A value per (row, column) of two parameters as an inline SVG heatmap: coloured from the
 * lowest value (red) through yellow to the highest (green), the value written in each cell,
 * grey "n/a" where there is none; rows and columns labelled with the parameters' values and names.
 */
final class GridHeatmap {
    private static final int LEFT = 110;
    private static final int TOP = 62;

    private GridHeatmap() {
    }

    static String svg(String title, String rowName, List<String> rows, String columnName, List<String> columns, double[][] values,
                      DoubleFunction<String> format, int maxWidth) {
        int cellW = Math.max(44, Math.min(110, (maxWidth - LEFT - 20) / Math.max(1, columns.size())));
        int cellH = 30;
        int width = LEFT + cellW * columns.size() + 20;
        int height = TOP + cellH * rows.size() + 64;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        StringBuilder b = new StringBuilder(16 * 1024);
        Svg.open(b, width, height, title);
        Svg.title(b, 10, title);
        b.append("<text class=\"label\" x=\"").append(c(LEFT + cellW * columns.size() / 2.0)).append("\" y=\"").append(TOP - 26)
                .append("\" text-anchor=\"middle\">").append(escape(columnName)).append("</text>");
        for (int j = 0; j < columns.size(); j++) {
            b.append("<text class=\"tick\" x=\"").append(c(LEFT + j * cellW + cellW / 2.0)).append("\" y=\"").append(TOP - 8)
                    .append("\" text-anchor=\"middle\">").append(escape(columns.get(j))).append("</text>");
        }
        double cy = TOP + cellH * rows.size() / 2.0;
        b.append("<text class=\"label\" x=\"16\" y=\"").append(c(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").append(c(cy))
                .append(")\">").append(escape(rowName)).append("</text>");
        for (int i = 0; i < rows.size(); i++) {
            int y = TOP + i * cellH;
            b.append("<text class=\"tick\" x=\"").append(LEFT - 8).append("\" y=\"").append(y + cellH / 2 + 4).append("\" text-anchor=\"end\">")
                    .append(escape(rows.get(i))).append("</text>");
            for (int j = 0; j < columns.size(); j++) {
                double v = values[i][j];
                boolean known = Double.isFinite(v);
                double f = !known ? 0 : hi > lo ? (v - lo) / (hi - lo) : 0.5;
                int x = LEFT + j * cellW;
                b.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cellW - 1).append("\" height=\"")
                        .append(cellH - 1).append("\" fill=\"").append(known ? Heatmap.color(f) : "#eeeeee").append("\"><title>")
                        .append(escape(rowName + "=" + rows.get(i) + ", " + columnName + "=" + columns.get(j) + ": " + (known ? format.apply(v) : "n/a")))
                        .append("</title></rect>");
                b.append("<text class=\"cell\" x=\"").append(c(x + cellW / 2.0)).append("\" y=\"").append(y + cellH / 2 + 4)
                        .append("\" text-anchor=\"middle\">").append(known ? escape(format.apply(v)) : "n/a").append("</text>");
            }
        }
        int legendY = TOP + cellH * rows.size() + 20;
        for (int i = 0; i <= 20; i++) {
            b.append("<rect x=\"").append(LEFT + 60 + i * 10).append("\" y=\"").append(legendY).append("\" width=\"10\" height=\"12\" fill=\"")
                    .append(Heatmap.color(i / 20.0)).append("\"/>");
        }
        b.append("<text class=\"tick\" x=\"").append(LEFT + 54).append("\" y=\"").append(legendY + 10).append("\" text-anchor=\"end\">")
                .append(Double.isFinite(lo) ? escape(format.apply(lo)) : "").append("</text>");
        b.append("<text class=\"tick\" x=\"").append(LEFT + 60 + 21 * 10 + 6).append("\" y=\"").append(legendY + 10).append("\">")
                .append(Double.isFinite(hi) ? escape(format.apply(hi)) : "").append("</text>");
        return b.append("</svg>").toString();
    }
}
