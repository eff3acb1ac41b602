package dev.trader.backtest.report;

import static dev.trader.backtest.report.Html.c;
import static dev.trader.backtest.report.Html.escape;

import dev.trader.backtest.metrics.HitRate;
import dev.trader.backtest.metrics.WeekdayHourHitRates;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The weekday × hour (UTC) grid of entries as an inline SVG heatmap: each cell coloured by the
 * win rate of the trades entered then (red 0%, yellow 50%, green 100%; grey without trades), the
 * number of trades written in it, details in its tooltip; a colour legend underneath.
 */
final class Heatmap {
    private static final int LEFT = 56;
    private static final int TOP = 50;
    private static final int CELL_H = 30;

    private Heatmap() {
    }

    static String svg(String title, WeekdayHourHitRates grid, int width) {
        int cellW = (width - LEFT - 16) / 24;
        int height = TOP + 7 * CELL_H + 70;
        StringBuilder b = new StringBuilder(32 * 1024);
        Svg.open(b, width, height, title);
        Svg.title(b, LEFT, title);
        for (int h = 0; h < 24; h++) {
            b.append("<text class=\"tick\" x=\"").append(c(LEFT + h * cellW + cellW / 2.0)).append("\" y=\"").append(TOP - 6)
                    .append("\" text-anchor=\"middle\">").append(String.format(Locale.ROOT, "%02d", h)).append("</text>");
        }
        DayOfWeek[] days = DayOfWeek.values();
        for (int d = 0; d < 7; d++) {
            int y = TOP + d * CELL_H;
            b.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + CELL_H / 2 + 4).append("\" text-anchor=\"end\">")
                    .append(days[d].getDisplayName(TextStyle.SHORT, Locale.ROOT)).append("</text>");
            for (int h = 0; h < 24; h++) {
                HitRate cell = grid.cell(days[d], h);
                int x = LEFT + h * cellW;
                String fill = cell.trades() == 0 ? "#eeeeee" : color(cell.winRate().doubleValue());
                b.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(cellW - 1).append("\" height=\"")
                        .append(CELL_H - 1).append("\" fill=\"").append(fill).append("\"><title>")
                        .append(escape(String.format(Locale.ROOT, "%s %02d:00-%02d:59 UTC: %d trades, %d wins, win rate %s, net %s",
                                days[d].getDisplayName(TextStyle.FULL, Locale.ROOT), h, h, cell.trades(), cell.wins(),
                                cell.trades() == 0 ? "n/a" : Html.percent(cell.winRate().doubleValue(), 1), Html.money(cell.netPnl()))))
                        .append("</title></rect>");
                if (cell.trades() > 0) {
                    b.append("<text class=\"cell\" x=\"").append(c(x + cellW / 2.0)).append("\" y=\"").append(y + CELL_H / 2 + 4)
                            .append("\" text-anchor=\"middle\">").append(cell.trades()).append("</text>");
                }
            }
        }
        int axisY = TOP + 7 * CELL_H;
        b.append("<text class=\"label\" x=\"").append(c(LEFT + 12 * cellW)).append("\" y=\"").append(axisY + 18)
                .append("\" text-anchor=\"middle\">hour of entry (UTC); the number in a cell is the trades entered then</text>");
        int legendY = axisY + 32;
        for (int i = 0; i <= 20; i++) {
            b.append("<rect x=\"").append(LEFT + 120 + i * 12).append("\" y=\"").append(legendY).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(i / 20.0)).append("\"/>");
        }
        b.append("<text class=\"tick\" x=\"").append(LEFT + 114).append("\" y=\"").append(legendY + 10)
                .append("\" text-anchor=\"end\">win rate 0%</text>");
        b.append("<text class=\"tick\" x=\"").append(LEFT + 120 + 21 * 12 + 6).append("\" y=\"").append(legendY + 10).append("\">100%</text>");
        b.append("<rect x=\"").append(LEFT + 430).append("\" y=\"").append(legendY).append("\" width=\"12\" height=\"12\" fill=\"#eeeeee\"/>");
        b.append("<text class=\"tick\" x=\"").append(LEFT + 448).append("\" y=\"").append(legendY + 10).append("\">no trades</text>");
        return b.append("</svg>").toString();
    }

    /** Red (0) through yellow (0.5) to green (1). */
    static String color(double winRate) {
        double w = Math.max(0, Math.min(1, winRate));
        int r;
        int g;
        if (w < 0.5) {
            r = 215;
            g = (int) Math.round(48 + (w / 0.5) * (200 - 48));
        } else {
            r = (int) Math.round(215 - ((w - 0.5) / 0.5) * (215 - 40));
            g = (int) Math.round(200 - ((w - 0.5) / 0.5) * (200 - 160));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, 60);
    }
}
