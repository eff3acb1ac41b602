package dev.trader.execution.sim.market;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens the market data files the simulator replays (candles, frame recordings), wherever and however they are stored. */
final class MarketSources {
    private static final String CLASSPATH = "classpath:";

    private MarketSources() {
    }

    /**
     * {@code source} ({@code classpath:/path}, the leading '/' optional, or a file path) as a buffered stream, gunzipped when
     * its first bytes are gzip's magic (the name is not trusted); the stream supports mark/reset.
     */
    static InputStream open(String source) throws IOException {
        InputStream raw;
        if (source.startsWith(CLASSPATH)) {
            String path = source.substring(CLASSPATH.length());
            raw = MarketSources.class.getResourceAsStream(path.startsWith("/") ? path : "/" + path);
            if (raw == null) {
                throw new IOException("no classpath resource " + path);
            }
        } else {
            raw = Files.newInputStream(Path.of(source));
        }
        try {
            return unzipped(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream unzipped(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
    }
}
