package dev.trader.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opens in a real browser and shows its charts: headless Chromium takes a 1400 × 2000
 * screenshot of the report of R1 on the bundled sample, and the picture has the equity line in
 * the equity chart's band, red drawdown below it and the coloured heatmap further down. The
 * screenshot stays at {@code target/report-screenshot/report.png} for a person to look at.
 * Skipped when {@code /usr/bin/chromium} is not installed.
 */
class ReportScreenshotTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "report-screenshot");

    @TempDir
    Path profile;

    @Test
    void chromiumRendersTheChartsOfTheReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is needed for the screenshot: apt-get install -y chromium ("
                + CHROMIUM + " is absent)");
        RunReport.write(SampleRun.r1(SampleRun.BTC, SampleRun.ETH), OUT);
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Path report = OUT.resolve(RunReport.HTML).toAbsolutePath();
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                "--screenshot=" + png, "--window-size=1400,2000", report.toUri().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(OUT.resolve("chromium.log").toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "chromium finished within 2 minutes (log: " + OUT.resolve("chromium.log") + ")");
        assertTrue(Files.isRegularFile(png), "chromium wrote the screenshot; log: " + Files.readString(OUT.resolve("chromium.log")));
        assertTrue(Files.size(png) > 50_000, "a screenshot of charts is not tiny: " + Files.size(png) + " bytes");

        BufferedImage image = ImageIO.read(new File(png.toString()));
        assertEquals(1400, image.getWidth());
        assertEquals(2000, image.getHeight());
        assertTrue(nonWhiteFraction(image, 0, 2000) > 0.05, "the page is not blank");
        assertTrue(colours(image) > 200, "charts and text give many colours");
        // the equity chart sits below the header and the metric cards, the drawdown under it
        int blue = count(image, 300, 1100, 0x1f, 0x77, 0xb4, 40);
        assertTrue(blue > 1500, "the equity line (#1f77b4) is drawn: " + blue + " pixels");
        int red = count(image, 300, 1300, 0xd6, 0x27, 0x28, 60);
        assertTrue(red > 1000, "the drawdown (#d62728) is drawn: " + red + " pixels");
        int green = count(image, 900, 2000, 0x28, 0xa0, 0x3c, 70) + count(image, 900, 2000, 0x2c, 0xa0, 0x2c, 40);
        int heatRed = count(image, 900, 2000, 0xd7, 0x30, 0x3c, 60);
        assertTrue(green + heatRed > 2000, "the heatmap and the return bars are coloured: " + green + " green, " + heatRed + " red");
    }

    private static double nonWhiteFraction(BufferedImage image, int fromY, int toY) {
        long n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) < 0xf0f0f0) {
                    n++;
                }
            }
        }
        return (double) n / ((long) (toY - fromY) * image.getWidth());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    /** Pixels in rows [fromY, toY) within {@code tolerance} (each channel) of the colour. */
    private static int count(BufferedImage image, int fromY, int toY, int r, int g, int b, int tolerance) {
        int n = 0;
        for (int y = fromY; y < Math.min(toY, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xff) - r) <= tolerance && Math.abs((rgb >> 8 & 0xff) - g) <= tolerance
                        && Math.abs((rgb & 0xff) - b) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
