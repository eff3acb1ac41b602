package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.marketdata.file.MalformedDataFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics come from whole files: one malformed line refuses its file, naming the file and the line, and nothing is measured from it. */
class ExecMetricsMalformedInputTest {
    @TempDir
    Path dir;

    @Test
    void aBarFileWithABadRowIsRefusedNotSkipped() throws IOException {
        // the real FILUSDT slice with its 4th data row's high (4.253) changed to below its low
        List<String> rows = lines(ExecMetricsRealSlicesTest.FIL_BARS);
        String[] c = rows.get(4).split(",", -1);
        c[2] = "4.0";
        rows.set(4, String.join(",", c));
        Path file = gzip("FILUSDT-1m-2023-08-broken.csv.gz", String.join("\n", rows) + "\n");
        MalformedDataFileException e = assertThrows(MalformedDataFileException.class, () -> new ExecutionMetricsCalculator().addBars(file));
        assertEquals(file, e.file());
        assertEquals(5, e.line(), "line 1 is the header");
        assertTrue(e.getMessage().startsWith(file + " line 5: high_below_body: high 4 is below low 4.2"), e.getMessage());
    }

    @Test
    void barsOfAnotherTimeframeAreRefused() throws IOException {
        Path hourly = gzip("BTCUSDT-1h-2023.csv.gz", "1679011200000,1,1,1,1,1,1679014799999,1,1,1,1,0\n");
        assertEquals(hourly + ": execution metrics are measured from 1m bars, not 1h",
                assertThrows(IllegalArgumentException.class, () -> new ExecutionMetricsCalculator().addBars(hourly)).getMessage());
    }

    @Test
    void aBadTickLineRefusesTheWholeFile() throws IOException {
        List<String> rows = lines(ExecMetricsRealSlicesTest.TRADES);
        rows.set(5000, rows.get(5000).replace(",sell,", ",sel,").replace(",buy,", ",bye,"));
        Path file = gzip("tardis_trades_broken.csv.gz", String.join("\n", rows) + "\n");
        ExecutionMetricsCalculator c = new ExecutionMetricsCalculator();
        MalformedDataFileException e = assertThrows(MalformedDataFileException.class, () -> c.addTrades(file));
        assertEquals(5001, e.line(), "row 5000 of the list is line 5001 of the file");
        assertEquals(List.of(), c.result(java.time.LocalDate.EPOCH).sources(), "nothing from the refused file");
        assertEquals(0, c.result(java.time.LocalDate.EPOCH).symbols().size());
    }

    private static List<String> lines(Path gz) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new java.util.ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
