package dev.trader.marketdata.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV candle files (Binance klines or generic) line by line. The first line is a header
 * if it starts with a letter; a later line identical to it is one too, so that monthly archives
 * concatenated with {@code cat} read as one file.
 */
final class CsvRowReader implements RowReader {
    /** Longest line kept; a real kline row is about 150 characters. */
    static final int MAX_LINE_CHARS = 4096;

    private final BoundedLineReader lines;
    private final FileFormat format;
    private long lineNumber;
    private String header;
    /** Columns every data row must have: the layout's, or a generic header's own width. */
    private int width;

    CsvRowReader(InputStream in, FileFormat format) {
        this.lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        this.format = format;
        this.width = this.format.columns();
    }

    @Override
    public FileFormat format() {
        return format;
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        while (true) {
            BoundedLineReader.Line line = lines.next();
            if (line == null) {
                return Optional.empty();
            }
            lineNumber++;
            String text = lineNumber == 1 ? CsvFields.stripBom(line.text()) : line.text();
            if (line.truncated()) {
                return Optional.of(new RawRow.Malformed(lineNumber, text, "line longer than " + MAX_LINE_CHARS + " characters"));
            }
            if (isHeader(text)) {
                continue;
            }
            return Optional.of(row(text));
        }
    }

    @Override
    public long position() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private boolean isHeader(String text) {
        if (lineNumber == 1 && CsvFields.looksLikeHeader(text)) {
            header = text;
            if (format == FileFormat.GENERIC_CSV && FormatDetector.startsWithGenericHeader(CsvFields.split(text.toLowerCase(java.util.Locale.ROOT)))) {
                // time,open,high,low,close,volume may be followed by columns we ignore (a golden
                // file's indicator values, say); every row must then have the header's width.
                width = CsvFields.split(text).size();
            }
            return true;
        }
        return header != null && header.equals(text);
    }

    private RawRow row(String text) {
        if (text.isBlank()) {
            return new RawRow.Malformed(lineNumber, text, "empty line");
        }
        List<String> fields = CsvFields.split(text);
        if (fields.size() != width) {
            return new RawRow.Malformed(lineNumber, text,
                    "expected " + width + " columns but found " + fields.size());
        }
        // Every supported layout starts with time, open, high, low, close, volume.
        return new RawRow.Values(lineNumber, fields.subList(0, 6), text);
    }
}
