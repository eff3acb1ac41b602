package dev.trader.marketdata.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** Opens candle files for reading, gzipped or not, detecting the layout unless told. */
public final class MarketFileReader {

    private MarketFileReader() {
    }

    /**
     * Opens {@code file} and detects its layout from the content.
     *
     * @throws MarketDataFileException when the file is missing, unreadable or of no known layout
     */
    public static RowReader open(Path file) {
        return openAs(file, null);
    }

    /**
     * Opens {@code file} as {@code format}, skipping detection: for headerless files whose
     * column count is ambiguous, or to insist on a layout.
     *
     * @throws MarketDataFileException when the file is missing or unreadable
     */
    public static RowReader open(Path file, FileFormat format) {
        return openAs(file, Objects.requireNonNull(format, "format"));
    }

    /** Opens {@code file} as {@code format}, or as what its content looks like when that is null. */
    private static RowReader openAs(Path file, FileFormat format) {
        Objects.requireNonNull(file, "file");
        BufferedInputStream in = null;
        try {
            in = CompressedInput.open(file);
            FileFormat layout = format != null ? format : FormatDetector.detect(in);
            return layout == FileFormat.FREQTRADE_JSON ? new FreqtradeJsonRowReader(in) : new CsvRowReader(in, layout);
        } catch (IOException e) {
            closeQuietly(in, e);
            throw MarketDataFileException.of(file, e);
        }
    }

    private static void closeQuietly(BufferedInputStream in, IOException failure) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
