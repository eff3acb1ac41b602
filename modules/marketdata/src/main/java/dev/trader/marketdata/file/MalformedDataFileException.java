package dev.trader.marketdata.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file refused whole because one line breaks its format: the message names the file, the
 * 1-based line and what is wrong with it. For inputs that must be clean to be used at all (the
 * tick files execution metrics are measured from), where skipping a bad row would quietly change
 * the figures.
 */
public final class MalformedDataFileException extends RuntimeException {
    private final transient Path file;
    private final long line;

    public MalformedDataFileException(Path file, long line, String reason) {
        super(file + " line " + line + ": " + Objects.requireNonNull(reason, "reason"));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line (for a JSON candle array: the candle's 1-based position). */
    public long line() {
        return line;
    }
}
