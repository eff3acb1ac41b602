package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/trader indicators} on real BTCUSDT 1h bars writes, column for column, what TA-Lib
 * computed for the same bars (the golden file's own columns), within 1e-9 relative, and leaves
 * exactly TA-Lib's warm-up cells empty.
 */
class IndicatorsCommandTest {
    private static final Path GOLDEN = Path.of("..", "..", "src-shared", "test-data", "golden", "BTCUSDT-1h-2022-talib-first2000.csv.gz");

    @TempDir
    Path dir;

    @Test
    void everyColumnMatchesTaLibOnRealBars() throws Exception {
        Path out = dir.resolve("indicators.csv");
        int code = new CommandLine(new TraderCommand()).execute("indicators", "--data", GOLDEN.toString(), "--out", out.toString());
        assertEquals(0, code);

        List<String> golden = gunzipLines(GOLDEN);
        List<String> ours = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(golden.size(), ours.size(), "one row per bar plus the header");
        List<String> goldenHeader = Arrays.asList(golden.get(0).split(","));
        String[] ourHeader = ours.get(0).split(",");
        assertEquals("time", ourHeader[0]);
        double worst = 0;
        int compared = 0;
        for (int row = 1; row < golden.size(); row++) {
            String[] g = golden.get(row).split(",", -1);
            String[] o = ours.get(row).split(",", -1);
            assertEquals(g[0], o[0], "time of row " + row);
            for (int c = 1; c < ourHeader.length; c++) {
                String expected = g[goldenHeader.indexOf(ourHeader[c])];
                String actual = o[c];
                String where = ourHeader[c] + " at row " + row;
                assertEquals(expected.isEmpty(), actual.isEmpty(), where + ": warm-up differs (TA-Lib '" + expected + "', ours '" + actual + "')");
                if (!expected.isEmpty()) {
                    double e = Double.parseDouble(expected);
                    double a = Double.parseDouble(actual);
                    double relative = Math.abs(a - e) / Math.max(1.0, Math.abs(e));
                    assertTrue(relative <= 1e-9, where + ": TA-Lib " + e + ", ours " + a);
                    worst = Math.max(worst, relative);
                    compared++;
                }
            }
        }
        System.out.printf("[indicators] %d values compared with TA-Lib, worst relative difference %.3e%n", compared, worst);
    }

    private static List<String> gunzipLines(Path file) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }
}
