package dev.trader.strategy.timeframe;

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
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the real-data fixtures as plain decimal rows, so tests can compute expected values with
 * BigDecimal independently of the Price/Quantity arithmetic under test. The strategy module has
 * no JSON library (and needs none), so the Freqtrade layout {@code [[t,o,h,l,c,v],...]} is
 * split by hand; its rows hold only numbers.
 */
final class Candles {
    static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    static final Path SHARED_DATA = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"));

    /** One candle as the file has it. */
    record Row(long openMs, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        Instant openTime() {
            return Instant.ofEpochMilli(openMs);
        }

        Bar toBar(Timeframe timeframe) {
            return new Bar(BTC, timeframe, openTime(), Price.of(open), Price.of(high), Price.of(low), Price.of(close), Quantity.of(volume));
        }
    }

    private Candles() {
    }

    static List<Row> freqtradeJsonResource(String resource) {
        return freqtradeJson(read(resource));
    }

    static List<Row> freqtradeJsonFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return freqtradeJson(gunzip(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binance klines CSV with its header row (open_time,open,high,low,close,volume,...). */
    static List<Row> klinesCsvResource(String resource) {
        return klinesCsv(read(resource));
    }

    static List<Row> klinesCsvFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return klinesCsv(gunzip(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Bar> bars(List<Row> rows, Timeframe timeframe) {
        List<Bar> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.toBar(timeframe));
        }
        return out;
    }

    /** A bucket of rows rolled up with BigDecimal: the expected value of a resampled bar. */
    record Bucket(Row row, int count) {
    }

    /** Rolls rows up into UTC-aligned buckets of {@code timeframe}, keyed by open time; only buckets that have rows. */
    static TreeMap<Long, Bucket> rollUp(List<Row> rows, Timeframe timeframe) {
        TreeMap<Long, Bucket> out = new TreeMap<>();
        for (Row r : rows) {
            long key = Math.floorDiv(r.openMs(), timeframe.millis()) * timeframe.millis();
            Bucket b = out.get(key);
            if (b == null) {
                out.put(key, new Bucket(new Row(key, r.open(), r.high(), r.low(), r.close(), r.volume()), 1));
            } else {
                Row a = b.row();
                out.put(key, new Bucket(new Row(key, a.open(), a.high().max(r.high()), a.low().min(r.low()), r.close(),
                        a.volume().add(r.volume())), b.count() + 1));
            }
        }
        return out;
    }

    /** True when the bar has exactly the row's open time and values (numerically: 28080.0 equals 28080.00000000). */
    static boolean sameValues(Bar bar, Row row) {
        return bar.openTime().toEpochMilli() == row.openMs()
                && bar.open().toBigDecimal().compareTo(row.open()) == 0
                && bar.high().toBigDecimal().compareTo(row.high()) == 0
                && bar.low().toBigDecimal().compareTo(row.low()) == 0
                && bar.close().toBigDecimal().compareTo(row.close()) == 0
                && bar.volume().toBigDecimal().compareTo(row.volume()) == 0;
    }

    private static List<Row> freqtradeJson(String text) {
        String t = text.strip();
        if (!t.startsWith("[[") || !t.endsWith("]]")) {
            throw new IllegalArgumentException("not a Freqtrade OHLCV array: " + t.substring(0, Math.min(40, t.length())));
        }
        List<Row> rows = new ArrayList<>();
        for (String candle : t.substring(2, t.length() - 2).split("\\],\\s*\\[")) {
            rows.add(row(candle.split(",")));
        }
        return rows;
    }

    private static List<Row> klinesCsv(String text) {
        List<Row> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("open_time")) {
                continue;
            }
            rows.add(row(line.split(",")));
        }
        return rows;
    }

    private static Row row(String[] f) {
        return new Row(Long.parseLong(f[0].strip()), new BigDecimal(f[1].strip()), new BigDecimal(f[2].strip()),
                new BigDecimal(f[3].strip()), new BigDecimal(f[4].strip()), new BigDecimal(f[5].strip()));
    }

    private static String read(String resource) {
        try (InputStream in = Candles.class.getResourceAsStream(resource)) {
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
