package dev.trader.marketdata.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a file as a buffered byte stream, gunzipping it when its content is gzip (the candle and the tick readers share it). */
public final class CompressedInput {
    /** Buffer per stream: large enough for fast sequential reads, small enough never to matter. */
    static final int BUFFER_BYTES = 64 * 1024;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private CompressedInput() {
    }

    /**
     * Opens {@code file}. Gzip is recognised by its magic bytes, not by the name: renamed and
     * re-saved files are common in data folders. The returned stream supports mark/reset.
     */
    public static BufferedInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
