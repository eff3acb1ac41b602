package dev.trader.marketdata.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams the candles of a Freqtrade OHLCV JSON file, {@code [[t, o, h, l, c, v], ...]}, one
 * array at a time. Values are kept as their JSON text (numbers or strings alike) so that prices
 * become exact decimals later; Jackson's double conversion is never used.
 */
final class FreqtradeJsonRowReader implements RowReader {
    private static final int CANDLE_VALUES = 6;
    /** Values kept from an oversized candle, for the report only. */
    private static final int MAX_KEPT_VALUES = 16;

    /**
     * NaN and Infinity are accepted as tokens (pandas writes them) so that they are rejected per
     * row as non-finite instead of failing the whole file. Strings are capped: a candle value
     * is never long, and the cap bounds memory on a corrupt file.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(64 * 1024).build())
            .build();

    private final JsonParser parser;
    private long position;
    private boolean started;
    private boolean finished;

    FreqtradeJsonRowReader(InputStream in) throws IOException {
        this.parser = JSON.createParser(in);
    }

    @Override
    public FileFormat format() {
        return FileFormat.FREQTRADE_JSON;
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (!started) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new IOException("not a Freqtrade candle file: expected a JSON array but found " + describe(first));
            }
            started = true;
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new EOFException("the JSON ends before the candle array is closed (truncated file?)");
        }
        if (token == JsonToken.END_ARRAY) {
            finished = true;
            return Optional.empty();
        }
        position++;
        if (token == JsonToken.START_ARRAY) {
            return Optional.of(readCandle());
        }
        String found = describe(token);
        String raw = token.isScalarValue() ? parser.getText() : found;
        parser.skipChildren();
        return Optional.of(new RawRow.Malformed(position, raw, "expected a candle array but found " + found));
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private RawRow readCandle() throws IOException {
        List<String> values = new ArrayList<>(CANDLE_VALUES);
        StringBuilder raw = new StringBuilder("[");
        String problem = null;
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new EOFException("the JSON ends inside candle " + position + " (truncated file?)");
            }
            count++;
            String text;
            if (token.isStructStart()) {
                parser.skipChildren();
                text = token == JsonToken.START_ARRAY ? "[…]" : "{…}";
                problem = problem != null ? problem : "value " + count + " is " + describe(token);
            } else {
                text = parser.getText();
            }
            if (count <= MAX_KEPT_VALUES) {
                values.add(text);
                raw.append(count > 1 ? "," : "").append(token == JsonToken.VALUE_STRING ? '"' + text + '"' : text);
            }
        }
        String rawText = raw.append(count > MAX_KEPT_VALUES ? ",…]" : "]").toString();
        if (problem != null) {
            return new RawRow.Malformed(position, rawText, problem);
        }
        if (count != CANDLE_VALUES) {
            return new RawRow.Malformed(position, rawText, "expected " + CANDLE_VALUES + " values but found " + count);
        }
        return new RawRow.Values(position, values, rawText);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }
}
