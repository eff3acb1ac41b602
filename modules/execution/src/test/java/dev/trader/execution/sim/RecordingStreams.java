package dev.trader.execution.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link SimStreams} that records every publication and disconnect, in order. */
final class RecordingStreams implements SimStreams {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Published(String stream, String payload) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<Published> published = new ArrayList<>();
    private final List<String> disconnects = new ArrayList<>();
    /** Everything in order, disconnects as "DISCONNECT <stream>". */
    private final List<String> log = new ArrayList<>();

    @Override
    public synchronized void publish(String stream, String payloadJson) {
        published.add(new Published(stream, payloadJson));
        log.add(stream + " " + payloadJson);
    }

    @Override
    public synchronized void disconnect(String stream) {
        disconnects.add(stream);
        log.add("DISCONNECT " + stream);
    }

    @Override
    public int subscribers(String stream) {
        return 1;
    }

    synchronized List<JsonNode> payloads(String stream) {
        return published.stream().filter(p -> p.stream().equals(stream)).map(Published::json).toList();
    }

    /** The payloads of {@code stream} whose {@code e} is {@code eventType}. */
    synchronized List<JsonNode> events(String stream, String eventType) {
        return payloads(stream).stream().filter(j -> j.path("e").asText().equals(eventType)).toList();
    }

    synchronized List<String> disconnects() {
        return List.copyOf(disconnects);
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    synchronized List<Published> published() {
        return List.copyOf(published);
    }
}
