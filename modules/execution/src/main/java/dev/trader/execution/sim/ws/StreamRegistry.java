package dev.trader.execution.sim.ws;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which connections listen to which stream. Publishing walks a stream's connections under
 * that stream's lock, so two publications of one stream reach every connection in the order
 * they were made; publications of different streams do not wait for each other.
 */
final class StreamRegistry {
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();

    /** Connections of one stream; copy-on-write since streams are published far more often than (un)subscribed. */
    private static final class Topic {
        final Set<WsConnection> connections = new CopyOnWriteArraySet<>();
    }

    void add(WsConnection connection, List<String> streams) {
        for (String stream : streams) {
            topics.compute(stream, (name, topic) -> {
                Topic t = topic == null ? new Topic() : topic;
                t.connections.add(connection);
                return t;
            });
        }
    }

    void remove(WsConnection connection, List<String> streams) {
        for (String stream : streams) {
            topics.computeIfPresent(stream, (name, topic) -> {
                topic.connections.remove(connection);
                return topic.connections.isEmpty() ? null : topic;
            });
        }
    }

    void publish(String stream, String payloadJson) {
        Topic topic = topics.get(stream);
        if (topic == null) {
            return;
        }
        synchronized (topic) {
            for (WsConnection c : topic.connections) {
                c.send(stream, payloadJson);
            }
        }
    }

    /** Closes every connection of {@code stream}. */
    void closeAll(String stream, String reason) {
        Topic topic = topics.get(stream);
        if (topic != null) {
            topic.connections.forEach(c -> c.close(reason));
        }
    }

    int count(String stream) {
        Topic topic = topics.get(stream);
        return topic == null ? 0 : topic.connections.size();
    }
}
