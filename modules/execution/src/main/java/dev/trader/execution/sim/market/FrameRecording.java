package dev.trader.execution.sim.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw Binance frame recording: one frame per line, {@code <local_receive_ns> <combined
 * frame JSON>} with the frame {@code {"stream":..,"data":{..}}}; gzip recognised by its magic bytes.
 * A recording may also hold the REST depth snapshot its recorder fetched
 * ({@code {"lastUpdateId":..,"bids":..,"asks":..}}): it becomes a frame of the pseudo-stream
 * {@code <symbol>}{@value #SNAPSHOT_SUFFIX} (symbol of the frames before it), which feeds the book
 * and is never published.
 */
public final class FrameRecording {
    public static final String SNAPSHOT_SUFFIX = "@depthSnapshot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FrameRecording() {
    }

    public static List<RecordedFrame> read(String source) {
        try (InputStream in = MarketSources.open(source)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<RecordedFrame> frames = new ArrayList<>();
            String line;
            int n = 0;
            String symbolPrefix = null;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space <= 0) {
                    throw new IllegalArgumentException(source + " line " + n + ": expected '<ns> <frame>'");
                }
                try {
                    JsonNode frame = JSON.readTree(line.substring(space + 1));
                    long received = Long.parseLong(line.substring(0, space));
                    if (frame.has("lastUpdateId") && frame.path("bids").isArray() && symbolPrefix != null) {
                        frames.add(new RecordedFrame(received, symbolPrefix + SNAPSHOT_SUFFIX, frame.toString()));
                        continue;
                    }
                    if (!frame.path("stream").isTextual() || !frame.path("data").isObject()) {
                        throw new IllegalArgumentException("neither a combined-stream frame nor a depth snapshot");
                    }
                    String stream = frame.get("stream").asText();
                    symbolPrefix = stream.contains("@") ? stream.substring(0, stream.indexOf('@')) : stream;
                    frames.add(new RecordedFrame(received, stream, frame.get("data").toString()));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + n + ": " + e.getMessage(), e);
                }
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frames from " + source + ": " + e.getMessage(), e);
        }
    }
}
