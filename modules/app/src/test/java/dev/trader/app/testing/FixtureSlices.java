package dev.trader.app.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The first bars of each engine fixture as files of their own, values copied as written, for a session cut short on purpose. */
public final class FixtureSlices {
    private FixtureSlices() {
    }

    /** The first {@code n} candles of every file of {@link TestNodes#FIXTURES}, written under {@code dir} with names the replay recognises. */
    public static List<Path> first(int n, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path fixture : TestNodes.FIXTURES) {
            String name = fixture.getFileName().toString().replace("-first720", "-first" + n);
            Path target = dir.resolve(name);
            StringBuilder json = new StringBuilder("[");
            List<FixtureCandles.Candle> candles = FixtureCandles.read(fixture).subList(0, n);
            for (int i = 0; i < candles.size(); i++) {
                FixtureCandles.Candle c = candles.get(i);
                json.append(i == 0 ? "" : ",").append('[').append(c.openTimeMillis()).append(',').append(c.open()).append(',').append(c.high())
                        .append(',').append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append(']');
            }
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
                o.write(json.append(']').toString().getBytes(StandardCharsets.US_ASCII));
            }
            out.add(target);
        }
        return out;
    }
}
