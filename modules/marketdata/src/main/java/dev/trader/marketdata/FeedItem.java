package dev.trader.marketdata;

/**
 * One item of a validated market-data stream: an accepted bar, a rejected row or a gap
 * between two accepted bars. A consumer that only wants bars keeps the {@link BarItem}s;
 * the other items exist so that nothing is dropped without a trace.
 */
public sealed interface FeedItem permits BarItem, Rejection, Gap {
}
