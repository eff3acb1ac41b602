package dev.trader.strategy.regime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The 2,000 real Binance BTCUSDT 1h bars of 2022-01-01 to 2022-03-25 with TA-Lib's ADX(14)
 * (golden fixture {@code /golden/BTCUSDT-1h-2022-talib-first2000.csv.gz}); ADX is NaN in
 * TA-Lib's warm-up.
 */
final class GoldenHourly {
    record Hour(Instant openTime, double close, double adx14) {
    }

    private GoldenHourly() {
    }

    static List<Hour> read() {
        try (InputStream in = GoldenHourly.class.getResourceAsStream("/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("golden fixture missing from the test class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            List<String> header = List.of(r.readLine().split(","));
            int close = header.indexOf("close");
            int adx = header.indexOf("adx_14");
            List<Hour> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                out.add(new Hour(Instant.ofEpochMilli(Long.parseLong(f[0])), Double.parseDouble(f[close]),
                        f[adx].isEmpty() ? Double.NaN : Double.parseDouble(f[adx])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
