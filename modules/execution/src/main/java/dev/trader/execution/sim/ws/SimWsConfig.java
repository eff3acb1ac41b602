package dev.trader.execution.sim.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the simulator's WebSocket server. {@link #binance()} has Binance's published
 * values; tests shorten the times so that a max-age disconnect or a ping is seen in a second.
 *
 * @param pingInterval           a ping frame is sent after this long without a frame from the
 *                               client (Binance: every 20 s); applied through
 *                               {@link SimWebSocketServer#serverSettings}, see there
 * @param maxConnectionAge       every connection is closed this long after it opened (Binance: 24 h)
 * @param bufferMessages         messages queued for one connection before it counts as too
 *                               slow and is closed; publishing never waits for a client
 * @param maxStreamsPerConnection Binance: 1024
 * @param maxIncomingPerSecond   client messages (requests) in any one-second window before the
 *                               connection is closed (Binance: 5)
 * @param maxRequestChars        a longer client message closes the connection; 1024 stream
 *                               names of about 30 characters fit in 64 KB
 */
public record SimWsConfig(Duration pingInterval, Duration maxConnectionAge, int bufferMessages, int maxStreamsPerConnection,
                          int maxIncomingPerSecond, int maxRequestChars) {

    public SimWsConfig {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
        positive(pingInterval, "pingInterval");
        positive(maxConnectionAge, "maxConnectionAge");
        if (bufferMessages < 1 || maxStreamsPerConnection < 1 || maxIncomingPerSecond < 1 || maxRequestChars < 16) {
            throw new IllegalArgumentException("limits must be positive: buffer " + bufferMessages + ", streams " + maxStreamsPerConnection
                    + ", incoming/s " + maxIncomingPerSecond + ", request chars " + maxRequestChars);
        }
    }

    /** Binance's limits, with a buffer of 4096 messages per connection. */
    public static SimWsConfig binance() {
        return new SimWsConfig(Duration.ofSeconds(20), Duration.ofHours(24), 4096, 1024, 5, 64 * 1024);
    }

    public SimWsConfig withPingInterval(Duration interval) {
        return new SimWsConfig(interval, maxConnectionAge, bufferMessages, maxStreamsPerConnection, maxIncomingPerSecond, maxRequestChars);
    }

    public SimWsConfig withMaxConnectionAge(Duration age) {
        return new SimWsConfig(pingInterval, age, bufferMessages, maxStreamsPerConnection, maxIncomingPerSecond, maxRequestChars);
    }

    public SimWsConfig withBufferMessages(int messages) {
        return new SimWsConfig(pingInterval, maxConnectionAge, messages, maxStreamsPerConnection, maxIncomingPerSecond, maxRequestChars);
    }

    public SimWsConfig withMaxStreamsPerConnection(int streams) {
        return new SimWsConfig(pingInterval, maxConnectionAge, bufferMessages, streams, maxIncomingPerSecond, maxRequestChars);
    }

    private static void positive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive but was " + d);
        }
    }
}
