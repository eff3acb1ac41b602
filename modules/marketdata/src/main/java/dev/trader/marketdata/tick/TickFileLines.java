package dev.trader.marketdata.tick;

import dev.trader.marketdata.binance.BinanceFrameParser;
import dev.trader.marketdata.file.BoundedLineReader;
import dev.trader.marketdata.file.CompressedInput;
import dev.trader.marketdata.file.MalformedDataFileException;
import dev.trader.marketdata.file.MarketDataFileException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The lines of a tick file (gzipped or not), numbered from 1, for the strict readers: a line too
 * long to be a real row is refused rather than held in memory whole.
 */
final class TickFileLines implements Closeable {
    /** Room for the largest frame the parser accepts plus the recording's timestamp prefix. */
    static final int MAX_LINE_CHARS = BinanceFrameParser.MAX_FRAME_CHARS + 64;

    private final Path file;
    private final BoundedLineReader lines;
    private long number;

    private TickFileLines(Path file, BoundedLineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    static TickFileLines open(Path file) {
        try {
            return new TickFileLines(file, new BoundedLineReader(new InputStreamReader(CompressedInput.open(file), StandardCharsets.UTF_8),
                    MAX_LINE_CHARS));
        } catch (IOException e) {
            throw MarketDataFileException.of(file, e);
        }
    }

    /** The next line, or null at the end of the file. */
    String next() {
        BoundedLineReader.Line line;
        try {
            line = lines.next();
        } catch (IOException e) {
            throw MarketDataFileException.after(file, number, e);
        }
        if (line == null) {
            return null;
        }
        number++;
        if (line.truncated()) {
            throw malformed("longer than " + MAX_LINE_CHARS + " characters");
        }
        return line.text();
    }

    /** The number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    /** The error refusing the file at the current line. */
    MalformedDataFileException malformed(String reason) {
        return new MalformedDataFileException(file, number, reason);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw MarketDataFileException.of(file, e);
        }
    }
}
