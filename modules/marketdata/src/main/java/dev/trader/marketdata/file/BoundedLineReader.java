package dev.trader.marketdata.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines, keeping at most {@code maxChars} of each. {@link java.io.BufferedReader#readLine}
 * would hold a whole line in memory however long it is, and a file without newlines (a JSON
 * file read as CSV, a binary file) is one very long line.
 */
public final class BoundedLineReader implements Closeable {

    /** One line without its terminator; {@code truncated} when characters beyond the cap were dropped. */
    public record Line(String text, boolean truncated) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    public BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line ({@code \n} or {@code \r\n} terminated, or the last unterminated one), or null at the end. */
    public Line next() throws IOException {
        line.setLength(0);
        boolean truncated = false;
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return sawAnything ? finish(truncated) : null;
                }
            }
            sawAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int room = maxChars + 1 - line.length(); // one extra so a trailing '\r' fits
            int count = position - start;
            if (count > room) {
                truncated = true;
                count = Math.max(room, 0);
            }
            line.append(buffer, start, count);
            if (position < limit) {
                position++; // consume '\n'
                return finish(truncated);
            }
        }
    }

    private Line finish(boolean truncated) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        } else if (length > maxChars) {
            line.setLength(maxChars);
            truncated = true;
        }
        return new Line(line.toString(), truncated);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
