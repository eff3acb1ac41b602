package dev.trader.domain.port;

import java.time.Instant;

/**
 * The time decisions are made at. In backtest and replay it is the event time of the bar
 * being processed, so a replay decides the same; only adapters facing the outside world read
 * the wall clock.
 */
public interface Clock {
    Instant now();
}
