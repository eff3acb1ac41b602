package dev.trader.marketdata.binance;

import java.time.Duration;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A snapshot of a {@link BinanceKlineFeed}, for the status API and tests.
 *
 * @param connected          a WebSocket is open now
 * @param reconnects         reconnect attempts scheduled since the start
 * @param frames             frames received and accepted (open and closed klines)
 * @param rejectedByReason   refused frames and REST rows per {@link FrameRejected#code()}
 * @param barsEmitted        closed bars published, repaired ones included
 * @param gapsRepaired       gaps filled from REST
 * @param barsRepaired       bars that came from REST
 * @param barsMissing        minutes REST had no valid bar for either: a venue outage, or refused rows
 * @param duplicatesDropped  closed bars already published
 * @param outOfOrderDropped  closed bars older than the last published one that were never published
 * @param barsUnsubscribed   bars published while nobody subscribed (so nobody got them)
 * @param staleSymbols       symbols without a frame for longer than the stale threshold
 * @param clockSkew          exchange clock minus ours at the last connect; null before the first answer
 * @param clockSkewExceeded  whether that skew is beyond the configured bound
 */
public record FeedStatus(boolean connected, long reconnects, long frames, SortedMap<String, Long> rejectedByReason, long barsEmitted,
                         long gapsRepaired, long barsRepaired, long barsMissing, long duplicatesDropped, long outOfOrderDropped,
                         long barsUnsubscribed, SortedSet<String> staleSymbols, Duration clockSkew, boolean clockSkewExceeded) {
    public FeedStatus {
        rejectedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectedByReason));
        staleSymbols = Collections.unmodifiableSortedSet(new TreeSet<>(staleSymbols));
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(String code) {
        return rejectedByReason.getOrDefault(code, 0L);
    }
}
