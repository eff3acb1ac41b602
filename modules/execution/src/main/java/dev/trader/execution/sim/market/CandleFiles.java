package dev.trader.execution.sim.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads 1m candle files: Freqtrade JSON (an array of {@code [openTimeMs, open, high, low, close,
 * volume]} rows) or Binance's kline CSV ({@code openTime,open,high,low,close,volume,closeTime,
 * quoteVolume,trades,takerBase,takerQuote,ignore}, open time in ms or — Binance's newer dumps — µs,
 * header line optional). Gzip is recognised by its magic bytes, not the name. Numbers are read as
 * exact decimals, never through double.
 * <p>
 * Freqtrade rows have no quote volume, trade count or taker volumes: the quote volume is
 * approximated as volume × (high + low + close) / 3, the others are 0.
 */
public final class CandleFiles {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(64).build()).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private CandleFiles() {
    }

    /** Reads {@code source} ({@code classpath:/path} or a file path) as the bars of {@code symbol}, sorted by open time. */
    public static List<SimBar> read(String symbol, String source) {
        try (InputStream in = open(source)) {
            return read(symbol, in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles of " + symbol + " from " + source + ": " + e.getMessage(), e);
        }
    }

    static List<SimBar> read(String symbol, InputStream raw, String name) throws IOException {
        InputStream in = unzipped(raw);
        in.mark(64);
        int first;
        do {
            first = in.read();
        } while (first != -1 && Character.isWhitespace(first));
        in.reset();
        List<SimBar> bars = first == '[' ? json(symbol, in, name) : csv(symbol, in, name);
        bars.sort(Comparator.comparingLong(SimBar::openTime));
        for (int i = 1; i < bars.size(); i++) {
            if (bars.get(i).openTime() == bars.get(i - 1).openTime()) {
                throw new IllegalArgumentException(name + ": two bars open at " + bars.get(i).openTime());
            }
        }
        return bars;
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith("classpath:")) {
            String path = source.substring("classpath:".length());
            InputStream in = CandleFiles.class.getResourceAsStream(path.startsWith("/") ? path : "/" + path);
            if (in == null) {
                throw new IOException("no classpath resource " + path);
            }
            return in;
        }
        return Files.newInputStream(Path.of(source));
    }

    private static InputStream unzipped(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream out = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
        return out;
    }

    private static List<SimBar> json(String symbol, InputStream in, String name) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<SimBar> bars = new ArrayList<>(root.size());
        int row = 0;
        for (JsonNode r : root) {
            row++;
            if (!r.isArray() || r.size() < 6) {
                throw new IllegalArgumentException(name + " row " + row + ": expected [time, open, high, low, close, volume] but was " + r);
            }
            try {
                BigDecimal high = r.get(2).decimalValue();
                BigDecimal low = r.get(3).decimalValue();
                BigDecimal close = r.get(4).decimalValue();
                BigDecimal volume = r.get(5).decimalValue();
                BigDecimal quote = volume.multiply(high.add(low).add(close)).divide(BigDecimal.valueOf(3), 8, RoundingMode.HALF_UP);
                bars.add(new SimBar(symbol, millis(r.get(0).longValue()), r.get(1).decimalValue(), high, low, close, volume, quote,
                        0, BigDecimal.ZERO, BigDecimal.ZERO));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " row " + row + ": " + e.getMessage(), e);
            }
        }
        return bars;
    }

    private static List<SimBar> csv(String symbol, InputStream in, String name) throws IOException {
        List<SimBar> bars = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty() || (n == 1 && !Character.isDigit(line.charAt(0)))) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 11) {
                throw new IllegalArgumentException(name + " line " + n + ": expected 12 kline columns but found " + f.length);
            }
            try {
                bars.add(new SimBar(symbol, millis(Long.parseLong(f[0].strip())), dec(f[1]), dec(f[2]), dec(f[3]), dec(f[4]), dec(f[5]),
                        dec(f[7]), Long.parseLong(f[8].strip()), dec(f[9]), dec(f[10])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return bars;
    }

    /** Binance's spot dumps switched to microseconds in 2025: a time that large is µs. */
    private static long millis(long t) {
        return t >= MICROS_THRESHOLD ? t / 1000 : t;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s.strip());
    }
}
