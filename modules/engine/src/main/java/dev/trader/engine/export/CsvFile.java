package dev.trader.engine.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes one CSV file (RFC 4180: a header row, comma separated, a value quoted only when it holds a comma, a quote or a
 * line break; empty for none) under a temporary name, then moves it over the old one: a reader never sees half a file,
 * and exporting a day again replaces it.
 */
final class CsvFile {
    private CsvFile() {
    }

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            line(w, header);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException(file + ": a row of " + row.size() + " values under " + header.size() + " columns");
                }
                line(w, row);
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(values.get(i)));
        }
        w.write('\n');
    }

    static String quoted(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
