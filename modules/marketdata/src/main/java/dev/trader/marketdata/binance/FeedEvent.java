package dev.trader.marketdata.binance;

import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link BinanceKlineFeed} tells its listener, besides the bars. Delivered on the feed's
 * own thread, so a listener must return quickly.
 */
public sealed interface FeedEvent {
    record Connected(String url) implements FeedEvent {
    }

    record Disconnected(String reason) implements FeedEvent {
    }

    /** Reconnect attempt {@code attempt} (0 for the first after a loss) starts after {@code delay}. */
    record ReconnectScheduled(int attempt, Duration delay, String reason) implements FeedEvent {
    }

    /** No frame for {@code symbol} for {@code silentFor}. */
    record Stale(String symbol, Duration silentFor) implements FeedEvent {
    }

    /** Frames for {@code symbol} again after it was stale. */
    record Fresh(String symbol) implements FeedEvent {
    }

    /** The exchange's clock minus ours is beyond the configured bound. */
    record ClockSkewed(Duration skew, Duration bound) implements FeedEvent {
    }

    /**
     * Bars of {@code symbol} from {@code from} to {@code to} (open times, inclusive) fetched over
     * REST: {@code bars} of them came, {@code missing} minutes the venue had no valid bar for.
     */
    record GapRepaired(String symbol, Instant from, Instant to, int bars, long missing) implements FeedEvent {
    }
}
