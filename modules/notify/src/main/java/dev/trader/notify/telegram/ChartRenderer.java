package dev.trader.notify.telegram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The setup as a picture, drawn on the server (no browser, no chart service): the recent candles,
 * and the entry, stop and target as labelled lines. Headless Java2D into a PNG.
 */
final class ChartRenderer {
    static final int WIDTH = 800;
    static final int HEIGHT = 420;

    /** One candle: open, high, low, close. */
    record Candle(double open, double high, double low, double close) {
    }

    private ChartRenderer() {
    }

    static byte[] png(String title, List<Candle> candles, double entry, Double stop, Double target) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(18, 22, 28));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double lo = entry;
            double hi = entry;
            for (Candle c : candles) {
                lo = Math.min(lo, c.low());
                hi = Math.max(hi, c.high());
            }
            for (Double level : new Double[] {stop, target}) {
                if (level != null) {
                    lo = Math.min(lo, level);
                    hi = Math.max(hi, level);
                }
            }
            double pad = (hi - lo) * 0.08 + 1e-9;
            double top = hi + pad;
            double bottom = lo - pad;
            int left = 10;
            int right = WIDTH - 110;
            int plotTop = 40;
            int plotBottom = HEIGHT - 20;
            java.util.function.DoubleToIntFunction y = v -> (int) Math.round(plotTop + (top - v) / (top - bottom) * (plotBottom - plotTop));
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, left, 26);
            int n = Math.max(1, candles.size());
            double step = (double) (right - left) / n;
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                int x = (int) (left + i * step + step / 2);
                g.setColor(c.close() >= c.open() ? new Color(38, 166, 154) : new Color(239, 83, 80));
                g.drawLine(x, y.applyAsInt(c.high()), x, y.applyAsInt(c.low()));
                int bodyTop = y.applyAsInt(Math.max(c.open(), c.close()));
                int bodyHeight = Math.max(1, y.applyAsInt(Math.min(c.open(), c.close())) - bodyTop);
                int w = Math.max(1, (int) (step * 0.6));
                g.fillRect(x - w / 2, bodyTop, w, bodyHeight);
            }
            level(g, "entry", entry, new Color(66, 165, 245), y.applyAsInt(entry), left, right);
            if (stop != null) {
                level(g, "stop", stop, new Color(239, 83, 80), y.applyAsInt(stop), left, right);
            }
            if (target != null) {
                level(g, "target", target, new Color(102, 187, 106), y.applyAsInt(target), left, right);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart", e);
        }
        return out.toByteArray();
    }

    private static void level(Graphics2D g, String name, double value, Color color, int y, int left, int right) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(left, y, right, y);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(name + " " + String.format(java.util.Locale.ROOT, "%.6g", value), right + 6, y + 4);
    }
}
