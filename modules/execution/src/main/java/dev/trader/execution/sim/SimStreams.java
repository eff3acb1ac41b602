package dev.trader.execution.sim;

/**
 * Where the exchange simulator's core hands its WebSocket events to the WebSocket server. A
 * stream is named as Binance names it: {@code btcusdt@kline_1m}, {@code btcusdt@trade},
 * {@code btcusdt@bookTicker}, {@code btcusdt@depth@100ms} for market data, and the listen key
 * itself for a user-data stream. The payload is the JSON object Binance sends on a raw stream
 * ({@code /ws/<stream>}); the server wraps it in the combined envelope
 * ({@code {"stream":..,"data":..}}) for {@code /stream?streams=} connections.
 */
public interface SimStreams {
    /** Sends one event to every connection subscribed to {@code stream}, in publication order per stream. */
    void publish(String stream, String payloadJson);

    /** Closes every connection subscribed to {@code stream} (a listen key closed or expired, the "kill the user stream" fault). */
    void disconnect(String stream);

    /** Connections currently subscribed to {@code stream} (tests wait on this before publishing). */
    int subscribers(String stream);
}
