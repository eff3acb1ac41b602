package dev.trader.marketdata.file;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the data rows of one open candle file, one at a time, holding only a bounded buffer.
 * Not thread-safe. Obtain one from {@link MarketFileReader}.
 */
public interface RowReader extends Closeable {

    /** The layout being read, detected or given. */
    FileFormat format();

    /**
     * The next data row, or empty at the end of the file. Header lines are skipped and not
     * returned.
     *
     * @throws IOException when the file itself cannot be read on (corrupt gzip, broken JSON);
     *                     a bad row is returned as {@link RawRow.Malformed} instead
     */
    Optional<RawRow> next() throws IOException;

    /** The line (or JSON position) of the last row read, to locate a file-level error. */
    long position();
}
