package dev.trader.marketdata.binance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how {@link BinanceKlineFeed} connects.
 *
 * @param streamBase          the WebSocket base: {@code wss://stream.binance.com:9443} live,
 *                            {@code ws://127.0.0.1:<port>} for the simulator
 * @param restBase            the REST base, for gap repair and the server time:
 *                            {@code https://api.binance.com} live
 * @param venue               the venue of the bars' instruments ({@code binance})
 * @param symbols             Binance symbols, e.g. {@code BTCUSDT}
 * @param backoff             waits between reconnect attempts
 * @param maxClockSkew        a larger difference between the exchange's clock and ours is
 *                            reported (log, status, event); bars flow on regardless
 * @param staleAfter          a symbol without a frame for this long is reported stale
 * @param reconnectAfterStale and after this much longer without a frame, the connection is
 *                            renewed
 * @param connectTimeout      for the WebSocket handshake and each REST request
 * @param bufferBars          bars buffered per subscriber before the feed waits for it
 */
public record KlineFeedConfig(URI streamBase, URI restBase, String venue, List<String> symbols, ReconnectBackoff backoff,
                              Duration maxClockSkew, Duration staleAfter, Duration reconnectAfterStale, Duration connectTimeout,
                              int bufferBars) {
    public KlineFeedConfig {
        Objects.requireNonNull(streamBase, "streamBase");
        Objects.requireNonNull(restBase, "restBase");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(reconnectAfterStale, "reconnectAfterStale");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        symbols = symbols.stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        if (symbols.isEmpty() || symbols.stream().anyMatch(s -> !s.matches("[A-Z0-9]{2,20}"))) {
            throw new IllegalArgumentException("symbols must be Binance symbols like BTCUSDT but were " + symbols);
        }
        if (bufferBars < 1) {
            throw new IllegalArgumentException("bufferBars must be positive but was " + bufferBars);
        }
    }

    /** Binance spot, live: 1 s to 60 s backoff, half of it jittered; stale after 30 s, reconnect 30 s later. */
    public static KlineFeedConfig binanceSpot(List<String> symbols) {
        return new KlineFeedConfig(URI.create("wss://stream.binance.com:9443"), URI.create("https://api.binance.com"), "binance", symbols,
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(10), 1024);
    }

    /** The combined-stream URL of the 1m klines of every symbol. */
    public URI streamUri() {
        String streams = String.join("/", symbols.stream().map(s -> s.toLowerCase(Locale.ROOT) + "@kline_1m").toList());
        return URI.create(trimSlash(streamBase) + "/stream?streams=" + streams);
    }

    static String trimSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
