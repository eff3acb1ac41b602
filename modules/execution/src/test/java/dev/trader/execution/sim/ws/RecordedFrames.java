package dev.trader.execution.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real Binance combined-stream frames (src-shared/test-data/ticks) as (stream, payload) pairs, in recording order. */
record RecordedFrames(String stream, String payload) {
    static final String SPOT = "/ticks/spot_btcusdt_20240808-first3000.jsonl.gz";
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<RecordedFrames> load() {
        List<RecordedFrames> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(RecordedFrames.class.getResourceAsStream(SPOT)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode frame = JSON.readTree(line.substring(line.indexOf(' ') + 1));
                // The recording's one REST depth snapshot is not a stream frame.
                if (frame.has("stream")) {
                    out.add(new RecordedFrames(frame.get("stream").asText(), frame.get("data").toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
