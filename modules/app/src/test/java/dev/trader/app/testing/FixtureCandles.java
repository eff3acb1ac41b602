package dev.trader.app.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a Freqtrade OHLCV JSON fixture ({@code [[t, o, h, l, c, v], ...]}, gzipped or not)
 * independently of the production readers, keeping every value as the exact text of the file,
 * so that tests derive their expectations from the real data rather than from hard-coded numbers.
 */
public final class FixtureCandles {
    /** One candle, values exactly as written in the file. */
    public record Candle(long openTimeMillis, String open, String high, String low, String close, String volume) {
        public Instant openTime() {
            return Instant.ofEpochMilli(openTimeMillis);
        }

        public BigDecimal closeValue() {
            return new BigDecimal(close);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private FixtureCandles() {
    }

    public static List<Candle> read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = raw;
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(raw);
            }
            return parse(in, file);
        }
    }

    private static List<Candle> parse(InputStream in, Path file) throws IOException {
        List<Candle> candles = new ArrayList<>();
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, file);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(t, JsonToken.START_ARRAY, file);
                List<String> values = new ArrayList<>(6);
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    if (v == null || !v.isScalarValue()) {
                        throw new IOException(file + ": candle " + (candles.size() + 1) + " holds " + v);
                    }
                    values.add(p.getText());
                }
                if (values.size() != 6) {
                    throw new IOException(file + ": candle " + (candles.size() + 1) + " has " + values.size() + " values");
                }
                candles.add(new Candle(Long.parseLong(values.get(0)), values.get(1), values.get(2), values.get(3), values.get(4),
                        values.get(5)));
            }
        }
        return List.copyOf(candles);
    }

    private static void expect(JsonToken found, JsonToken expected, Path file) throws IOException {
        if (found != expected) {
            throw new IOException(file + ": expected " + expected + " but found " + found);
        }
    }
}
