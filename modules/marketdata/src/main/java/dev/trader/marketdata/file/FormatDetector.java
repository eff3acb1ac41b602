package dev.trader.marketdata.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Recognises a candle file's layout from its first bytes, without consuming them. */
final class FormatDetector {
    /** Enough for any header or first row; the stream is reset to where it was. */
    static final int PEEK_BYTES = 8192;

    private static final List<String> GENERIC_HEADER = List.of("time", "open", "high", "low", "close", "volume");

    private FormatDetector() {
    }

    /**
     * The layout of the (decompressed) stream: a JSON array is Freqtrade; a CSV header or first
     * row decides between Binance klines (12 columns) and generic OHLCV (6 columns).
     *
     * @throws IOException naming what was found when it is none of them
     */
    static FileFormat detect(BufferedInputStream in) throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = in.readNBytes(PEEK_BYTES);
        in.reset();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new IOException("this is a zip archive: extract the candle file from it first");
        }
        if (isBinary(head)) {
            throw new IOException("the content is binary, not CSV or JSON text");
        }
        String text = CsvFields.stripBom(new String(head, StandardCharsets.UTF_8)).stripLeading();
        if (text.isEmpty()) {
            throw new IOException("the file is empty, so its format cannot be detected");
        }
        if (text.charAt(0) == '[') {
            return FileFormat.FREQTRADE_JSON;
        }
        int newline = text.indexOf('\n');
        String firstLine = (newline < 0 ? text : text.substring(0, newline)).strip();
        List<String> columns = CsvFields.split(firstLine.toLowerCase(Locale.ROOT));
        if (!CsvFields.looksLikeHeader(firstLine)) {
            return byColumnCount(columns.size(), firstLine);
        }
        if (columns.size() == FileFormat.BINANCE_KLINES.columns() && columns.get(0).equals("open_time")) {
            return FileFormat.BINANCE_KLINES;
        }
        if (startsWithGenericHeader(columns)) {
            return FileFormat.GENERIC_CSV;
        }
        throw new IOException("unrecognised header '" + abbreviate(firstLine)
                + "': expected Binance klines (open_time,open,high,low,close,volume,close_time,...) or time,open,high,low,close,volume");
    }

    private static FileFormat byColumnCount(int count, String firstLine) throws IOException {
        if (count == FileFormat.BINANCE_KLINES.columns()) {
            return FileFormat.BINANCE_KLINES;
        }
        if (count == FileFormat.GENERIC_CSV.columns()) {
            return FileFormat.GENERIC_CSV;
        }
        throw new IOException("cannot detect the format: the first row '" + abbreviate(firstLine) + "' has " + count
                + " columns, expected 12 (Binance klines) or 6 (time,open,high,low,close,volume)");
    }

    /** NUL and most control bytes never occur in text files; tabs and line ends do. */
    private static boolean isBinary(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    /** {@code time,open,high,low,close,volume}, possibly followed by more columns. */
    static boolean startsWithGenericHeader(List<String> columns) {
        return columns.size() >= GENERIC_HEADER.size() && columns.subList(0, GENERIC_HEADER.size()).equals(GENERIC_HEADER);
    }
}
