package dev.trader.backtest.execmetrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One input of a metrics file, so that anyone can check what the figures came from.
 *
 * @param kind     {@code quotes}, {@code trades}, {@code frames} or {@code bars}
 * @param file     the file's name (without its folder: the same data lives in different places)
 * @param sha256   the SHA-256 of the file's bytes as stored (gzipped ones too), 64 hex digits
 * @param rows     the rows read (data lines, frames or candles)
 * @param rowsUsed the rows that went into a figure: quotes, trades with an aggressor, frames that
 *                 were quotes or such trades, bars that had the bar of the minute before
 */
public record SourceFile(String kind, String file, String sha256, long rows, long rowsUsed) {
    public static final String QUOTES = "quotes";
    public static final String TRADES = "trades";
    public static final String FRAMES = "frames";
    public static final String BARS = "bars";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public SourceFile {
        if (!QUOTES.equals(kind) && !TRADES.equals(kind) && !FRAMES.equals(kind) && !BARS.equals(kind)) {
            throw new IllegalArgumentException("source kind must be quotes, trades, frames or bars but was '" + kind + "'");
        }
        Objects.requireNonNull(file, "file");
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + file + " must be 64 lower-case hex digits but was '" + sha256 + "'");
        }
        if (rows < 0 || rowsUsed < 0 || rowsUsed > rows) {
            throw new IllegalArgumentException("rows of " + file + " must satisfy 0 <= rows_used <= rows but were " + rowsUsed + " of " + rows);
        }
    }
}
