package dev.trader.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real BTCUSDT 1h bars from the golden slice in src-shared/test-data, as primitive columns. */
final class RealBars {
    final long[] time;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    private RealBars(List<double[]> rows) {
        int n = rows.size();
        time = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            time[i] = (long) r[0];
            open[i] = r[1];
            high[i] = r[2];
            low[i] = r[3];
            close[i] = r[4];
            volume[i] = r[5];
        }
    }

    int size() {
        return close.length;
    }

    static RealBars load() {
        Path file = find("src-shared/test-data/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz");
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", 7);
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return new RealBars(rows);
    }

    static Path find(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found from " + Path.of("").toAbsolutePath() + " upwards: run from the project");
    }
}
