package dev.trader.strategy.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A gzipped CSV on the test classpath ({@code /golden/stockcharts/cs-*.csv.gz} and the like):
 * columns by header name, empty cells NaN. Rows may be shorter than the header (trailing empty
 * columns of a spreadsheet export).
 */
public final class StockChartsFixture {
    private final String name;
    private final List<String> header;
    private final List<String[]> rows;

    private StockChartsFixture(String name, List<String> header, List<String[]> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    public static StockChartsFixture load(String resource) {
        InputStream raw = StockChartsFixture.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new StockChartsFixture(resource, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return rows.size();
    }

    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException(this.name + " has no column '" + name + "'; it has " + header);
        }
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String cell = c < rows.get(r).length ? rows.get(r)[c].trim() : "";
            out[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        }
        return out;
    }

    /** The 2,000 real BTCUSDT 1h bars of the TA-Lib golden file, for the snapshot tests: open, high, low, close, volume, time. */
    public static double[][] btcHourlyBars() {
        StockChartsFixture f = load("/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz");
        return new double[][] {f.column("open"), f.column("high"), f.column("low"), f.column("close"), f.column("volume"), f.column("time")};
    }
}
