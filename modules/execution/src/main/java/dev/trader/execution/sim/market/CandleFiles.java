package dev.trader.execution.sim.market;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.execution.sim.api.BinanceTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    private CandleFiles() {
    }

    /** Reads {@code source} ({@code classpath:/path} or a file path) as the bars of {@code symbol}, sorted by open time. */
    public static List<SimBar> read(String symbol, String source) {
        try (InputStream in = MarketSources.open(source)) {
            return read(symbol, in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles of " + symbol + " from " + source + ": " + e.getMessage(), e);
        }
    }

    /** {@code in}: unzipped and supporting mark/reset, as {@link MarketSources#open} gives it. */
    private static List<SimBar> read(String symbol, InputStream in, String name) throws IOException {
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
        return BinanceTime.toMillis(t);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s.strip());
    }
}
