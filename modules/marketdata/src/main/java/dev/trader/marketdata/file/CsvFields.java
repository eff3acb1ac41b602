package dev.trader.marketdata.file;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of the simple, unquoted CSV that candle exporters write. */
final class CsvFields {
    private static final char UTF8_BOM = '\uFEFF';

    private CsvFields() {
    }

    /**
     * The comma-separated fields of {@code line}, trimmed, with surrounding double quotes
     * removed. Candle files never quote a comma, so no quote-aware parsing is needed.
     */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(12);
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            fields.add(unquote(line.substring(start, end).strip()));
            if (comma < 0) {
                return fields;
            }
            start = comma + 1;
        }
    }

    /** {@code line} without a leading UTF-8 byte order mark (spreadsheet exports add one). */
    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == UTF8_BOM ? line.substring(1) : line;
    }

    /** Whether a line is a header rather than data: data rows start with a number. */
    static boolean looksLikeHeader(String line) {
        String text = stripBom(line).strip();
        if (text.startsWith("\"")) {
            text = text.substring(1);
        }
        return !text.isEmpty() && Character.isLetter(text.charAt(0));
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"') {
            return field.substring(1, field.length() - 1).strip();
        }
        return field;
    }
}
