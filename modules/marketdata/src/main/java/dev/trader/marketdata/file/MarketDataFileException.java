package dev.trader.marketdata.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A market-data file that cannot be read at all, or not past some point: missing, unreadable,
 * of an unknown format, corrupt. Its message always names the file. Bad rows are not this:
 * they are reported as rejections and the stream goes on.
 */
public final class MarketDataFileException extends UncheckedIOException {

    private final transient Path file;

    public MarketDataFileException(Path file, String problem, IOException cause) {
        super("market data file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** Wraps an I/O failure, translating the JDK's terse messages (which are often only the path). */
    public static MarketDataFileException of(Path file, IOException cause) {
        return new MarketDataFileException(file, describe(cause), cause);
    }

    /** Wraps an I/O failure that happened after {@code position} rows had been read. */
    public static MarketDataFileException after(Path file, long position, IOException cause) {
        return new MarketDataFileException(file, "unreadable after row " + position + ": " + describe(cause), cause);
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "not found";
        }
        if (e instanceof AccessDeniedException) {
            return "not readable (access denied)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
