package dev.trader.domain.port;

import dev.trader.domain.market.Bar;
import java.util.concurrent.Flow;

/**
 * A source of bars in event-time order per instrument, as a Reactive Streams publisher so the
 * domain names no streaming library. Invalid input is reported by the feed, never emitted.
 */
public interface MarketDataFeed {
    /** A short description for logs and the status API (file name, stream URL). */
    String describe();

    Flow.Publisher<Bar> bars();
}
