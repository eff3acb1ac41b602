package dev.trader.strategy.builtin;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The real-data fixtures the strategy tests run on, read as the files write them: the 720 real
 * 1m candles of {@code /engine/*-first720.json.gz}, the 2,000 real 1h bars with TA-Lib columns of
 * {@code /golden/BTCUSDT-1h-2022-talib-first2000.csv.gz}, and (when present) the larger files of
 * the shared data set. Prices stay text until a test turns them into a {@link Bar} or parses them
 * with {@link Double#parseDouble}, so expected values never go through the code under test.
 */
public final class RealData {
    public static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    public static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");
    public static final Path SHARED_DATA = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"));
    public static final String GOLDEN_1H = "/golden/BTCUSDT-1h-2022-talib-first2000.csv.gz";

    private RealData() {
    }

    /** One candle as its file has it. */
    public record Candle(long openMs, String open, String high, String low, String close, String volume) {
        public double o() {
            return Double.parseDouble(open);
        }

        public double h() {
            return Double.parseDouble(high);
        }

        public double l() {
            return Double.parseDouble(low);
        }

        public double c() {
            return Double.parseDouble(close);
        }

        public double v() {
            return Double.parseDouble(volume);
        }

        public Instant openTime() {
            return Instant.ofEpochMilli(openMs);
        }

        public Bar bar(InstrumentId instrument, Timeframe timeframe) {
            return new Bar(instrument, timeframe, openTime(), Price.of(open), Price.of(high), Price.of(low), Price.of(close), Quantity.of(volume));
        }
    }

    /** The golden 1h file: its candles and its TA-Lib columns (NaN in the warm-up). */
    public record Golden(List<Candle> candles, Map<String, double[]> columns) {
        public double[] column(String name) {
            double[] c = columns.get(name);
            if (c == null) {
                throw new IllegalArgumentException("golden file has no column " + name + "; it has " + columns.keySet());
            }
            return c;
        }

        public List<Bar> bars() {
            return RealData.bars(candles, BTC, Timeframe.H1);
        }

        public int size() {
            return candles.size();
        }
    }

    /** The 720 real 1m candles of {@code asset} ("BTC" or "ETH") from 2023-03-16 22:15 UTC. */
    public static List<Candle> fixture1m(String asset) {
        return freqtradeJson(readResource("/engine/" + asset + "_USDT-1m_20230316-first720.json.gz"), Integer.MAX_VALUE);
    }

    /** The first {@code limit} candles of a Freqtrade JSON file of the shared data set. */
    public static List<Candle> sharedFreqtrade1m(String fileName, int limit) {
        Path file = SHARED_DATA.resolve("binance-spot-1m").resolve(fileName);
        try (InputStream in = Files.newInputStream(file)) {
            return freqtradeJson(gunzip(in), limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean sharedFileExists(String fileName) {
        return Files.isRegularFile(SHARED_DATA.resolve("binance-spot-1m").resolve(fileName));
    }

    public static Golden golden1h() {
        String[] lines = readResource(GOLDEN_1H).split("\n");
        List<String> header = List.of(lines[0].strip().split(","));
        List<Candle> candles = new ArrayList<>(lines.length - 1);
        Map<String, double[]> columns = new HashMap<>();
        for (int c = 6; c < header.size(); c++) {
            double[] values = new double[lines.length - 1];
            Arrays.fill(values, Double.NaN);
            columns.put(header.get(c), values);
        }
        int n = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].strip().split(",", -1);
            candles.add(new Candle(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5]));
            for (int c = 6; c < header.size(); c++) {
                if (!f[c].isEmpty()) {
                    columns.get(header.get(c))[n] = Double.parseDouble(f[c]);
                }
            }
            n++;
        }
        int size = n;
        columns.replaceAll((k, v) -> Arrays.copyOf(v, size));
        return new Golden(candles, columns);
    }

    public static List<Bar> bars(List<Candle> candles, InstrumentId instrument, Timeframe timeframe) {
        List<Bar> out = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            out.add(c.bar(instrument, timeframe));
        }
        return out;
    }

    /**
     * Rolls 1m candles up into UTC-aligned buckets of {@code timeframe} with BigDecimal sums:
     * every bucket that has closed by the end of the stream (all but a last bucket whose final
     * minute is missing), a partial first bucket included, as the resampler documents.
     */
    public static List<Candle> rollUp(List<Candle> minutes, Timeframe timeframe) {
        TreeMap<Long, String[]> buckets = new TreeMap<>();
        long step = timeframe.millis();
        for (Candle m : minutes) {
            long key = Math.floorDiv(m.openMs(), step) * step;
            String[] b = buckets.get(key);
            if (b == null) {
                buckets.put(key, new String[] {m.open(), m.high(), m.low(), m.close(), m.volume()});
            } else {
                b[1] = new BigDecimal(b[1]).max(new BigDecimal(m.high())).toPlainString();
                b[2] = new BigDecimal(b[2]).min(new BigDecimal(m.low())).toPlainString();
                b[3] = m.close();
                b[4] = new BigDecimal(b[4]).add(new BigDecimal(m.volume())).toPlainString();
            }
        }
        long lastClose = minutes.get(minutes.size() - 1).openMs() + Timeframe.M1.millis();
        List<Candle> out = new ArrayList<>();
        buckets.forEach((key, b) -> {
            if (key + step <= lastClose) {
                out.add(new Candle(key, b[0], b[1], b[2], b[3], b[4]));
            }
        });
        return out;
    }

    private static List<Candle> freqtradeJson(String text, int limit) {
        String t = text.strip();
        if (!t.startsWith("[[") || !t.endsWith("]]")) {
            throw new IllegalArgumentException("not a Freqtrade OHLCV array");
        }
        List<Candle> out = new ArrayList<>();
        for (String row : t.substring(2, t.length() - 2).split("\\],\\s*\\[")) {
            if (out.size() >= limit) {
                break;
            }
            String[] f = row.split(",");
            out.add(new Candle(Long.parseLong(f[0].strip()), plain(f[1]), plain(f[2]), plain(f[3]), plain(f[4]), plain(f[5])));
        }
        return out;
    }

    private static String plain(String number) {
        return new BigDecimal(number.strip()).toPlainString();
    }

    private static String readResource(String resource) {
        try (InputStream in = RealData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return gunzip(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gunzip(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.US_ASCII))) {
            char[] buf = new char[1 << 16];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
        }
        return sb.toString();
    }
}
