package dev.trader.execution.binance;

import java.time.Instant;

/**
 * The user stream as it is now: connected or not, how many times it had to reconnect, when the
 * last event happened (Binance's event time; null before the first), and how many frames were
 * refused (with the last reason).
 */
public record UserStreamStatus(boolean connected, long reconnects, Instant lastEventTime, long rejectedFrames, String lastRejection) {
}
