package dev.trader.strategy.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A gzipped CSV fixture with a header line: columns by name, numbers parsed with
 * {@link Double#parseDouble} (which reads the 17 significant digits TA-Lib's writer printed back
 * to the exact double), empty cells as NaN.
 */
final class GoldenCsv {
    private final String name;
    private final List<String> header;
    private final List<String[]> rows;

    private GoldenCsv(String name, List<String> header, List<String[]> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    /** A fixture on the test classpath, e.g. {@code /golden/stockcharts/cs-wma.csv.gz}. */
    static GoldenCsv resource(String resource) {
        InputStream in = GoldenCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        return read(resource, in);
    }

    static GoldenCsv file(Path path) {
        try {
            return read(path.toString(), Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GoldenCsv read(String name, InputStream raw) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null) {
                throw new IllegalStateException(name + " is empty");
            }
            List<String> header = Arrays.asList(first.split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new IllegalStateException(name + " row " + (rows.size() + 1) + " has " + cells.length
                            + " cells, header has " + header.size());
                }
                rows.add(cells);
            }
            return new GoldenCsv(name, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    int size() {
        return rows.size();
    }

    private int index(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(name + " has no column " + column + "; it has " + header);
        }
        return i;
    }

    String[] text(String column) {
        int c = index(column);
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    double[] numbers(String column) {
        int c = index(column);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String cell = rows.get(r)[c].trim();
            out[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        }
        return out;
    }
}
