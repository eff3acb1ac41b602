package dev.trader.ml.report;

import dev.trader.ml.eval.ProbabilityMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The reliability diagram as a PNG: for each predictor, the observed frequency of its top class
 * against its stated probability, bin by bin (dots sized by the bin's rows), and the diagonal
 * that a perfectly calibrated predictor follows.
 */
public final class ReliabilityDiagram {
    private static final int SIZE = 640;
    private static final int MARGIN = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x7f7f7f)};

    private ReliabilityDiagram() {
    }

    public static void write(Path file, String title, Map<String, List<ProbabilityMetrics.Bin>> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            int plot = SIZE - 2 * MARGIN;
            g.setColor(new Color(0xdddddd));
            for (int k = 0; k <= 10; k++) {
                int p = MARGIN + plot * k / 10;
                g.drawLine(MARGIN, p, MARGIN + plot, p);
                g.drawLine(p, MARGIN, p, MARGIN + plot);
            }
            g.setColor(Color.BLACK);
            g.drawRect(MARGIN, MARGIN, plot, plot);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            g.drawLine(MARGIN, MARGIN + plot, MARGIN + plot, MARGIN);
            g.setStroke(new BasicStroke(2f));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (int k = 0; k <= 10; k += 2) {
                String label = String.format("%.1f", k / 10.0);
                g.drawString(label, MARGIN + plot * k / 10 - 8, MARGIN + plot + 18);
                g.drawString(label, MARGIN - 30, MARGIN + plot - plot * k / 10 + 4);
            }
            g.drawString("stated probability of the top class", MARGIN + plot / 2 - 100, SIZE - 20);
            g.rotate(-Math.PI / 2);
            g.drawString("observed frequency", -(MARGIN + plot / 2 + 55), 20);
            g.rotate(Math.PI / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, MARGIN, 30);
            int total = series.values().stream().flatMap(List::stream).mapToInt(ProbabilityMetrics.Bin::count).max().orElse(1);
            int c = 0;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (Map.Entry<String, List<ProbabilityMetrics.Bin>> s : series.entrySet()) {
                Color color = COLORS[c % COLORS.length];
                g.setColor(color);
                int[] xs = new int[s.getValue().size()];
                int[] ys = new int[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    ProbabilityMetrics.Bin b = s.getValue().get(i);
                    xs[i] = MARGIN + (int) Math.round(plot * b.meanConfidence());
                    ys[i] = MARGIN + plot - (int) Math.round(plot * b.accuracy());
                    int r = 3 + (int) Math.round(7 * Math.sqrt((double) b.count() / total));
                    g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
                }
                g.drawPolyline(xs, ys, xs.length);
                g.drawString(s.getKey(), MARGIN + 10, MARGIN + 18 + 16 * c);
                c++;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
