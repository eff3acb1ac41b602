package dev.trader.strategy.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/** Loads the real candles of the shared test data (classpath) and, when present, the larger shared data set. */
final class Fixtures {
    static final String BTC_1M = "/engine/BTC_USDT-1m_20230316-first720.json.gz";
    static final String ETH_1M = "/engine/ETH_USDT-1m_20230316-first720.json.gz";
    static final String BTC_1M_OUTAGE = "/market/BTC_USDT-1m_20230324-outage.json.gz";
    static final String BTC_1H = "/market/BTCUSDT-1h-20230320-20230331.csv.gz";
    /** TA-Lib golden: time,open,high,low,close,volume,sma_20,ema_20,rsi_14,atr_14,macd,macd_signal,macd_hist,... */
    static final String GOLDEN_1H = "/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz";
    static final int GOLDEN_RSI14 = 0;
    static final int GOLDEN_ATR14 = 1;
    static final int GOLDEN_MACD_HIST = 2;

    private Fixtures() {
    }

    static List<Candle> btc1m() {
        return freqtradeJson(BTC_1M);
    }

    static List<Candle> eth1m() {
        return freqtradeJson(ETH_1M);
    }

    static List<Candle> btc1h() {
        return binanceCsv(BTC_1H);
    }

    /** Every real classpath fixture, by name. */
    static List<Named> allRealFixtures() {
        return List.of(new Named("BTC 1m", btc1m()), new Named("ETH 1m", eth1m()),
                new Named("BTC 1m outage", freqtradeJson(BTC_1M_OUTAGE)), new Named("BTC 1h", btc1h()),
                new Named("BTC 1h 2022 golden", golden1h()));
    }

    record Named(String name, List<Candle> bars) {
        @Override
        public String toString() {
            return name + " (" + bars.size() + " bars)";
        }
    }

    /** The TA-Lib golden file with extra columns RSI14, ATR14 and MACD histogram (NaN in the warm-up). */
    static List<Candle> golden1h() {
        return withLines(GOLDEN_1H, lines -> {
            List<Candle> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                out.add(new Candle(Long.parseLong(c[0]), d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5]),
                        new double[] {d(c[8]), d(c[9]), d(c[12])}));
            }
            return out;
        });
    }

    /** Freqtrade OHLCV JSON {@code [[open_ms, o, h, l, c, v], ...]} from the classpath. */
    static List<Candle> freqtradeJson(String resource) {
        return withLines(resource, lines -> parseFreqtrade(String.join("", lines)));
    }

    static List<Candle> parseFreqtrade(String json) {
        String body = json.trim();
        body = body.substring(body.indexOf("[[") + 2, body.lastIndexOf("]]"));
        List<Candle> out = new ArrayList<>();
        for (String row : body.split("\\]\\s*,\\s*\\[")) {
            String[] c = row.split(",");
            out.add(new Candle((long) Double.parseDouble(c[0].trim()), d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5]), new double[0]));
        }
        return out;
    }

    /** Binance klines CSV with header: open_time,open,high,low,close,volume,... */
    static List<Candle> binanceCsv(String resource) {
        return withLines(resource, lines -> {
            List<Candle> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                out.add(new Candle(Long.parseLong(c[0]), d(c[1]), d(c[2]), d(c[3]), d(c[4]), d(c[5]), new double[0]));
            }
            return out;
        });
    }

    /** The shared data set's directory ({@code shared/data} next to an ancestor of the working directory), if present. */
    static Optional<Path> sharedData() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<Candle> freqtradeJsonFile(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return parseFreqtrade(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double d(String s) {
        String t = s.trim();
        return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
    }

    private static <T> T withLines(String resource, Function<List<String>, T> parse) {
        InputStream raw = Fixtures.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return parse.apply(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
