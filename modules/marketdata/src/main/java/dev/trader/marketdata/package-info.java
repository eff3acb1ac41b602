/**
 * What a market-data ingest produces: {@link dev.trader.marketdata.FeedItem} (a bar, a
 * rejected row or a gap) and the {@link dev.trader.marketdata.IngestReport} that sums them up.
 * Reading lives in {@code file}, the row rules in {@code validation}, the Pekko Streams
 * sources and the {@code MarketDataFeed} adapter in {@code source}.
 */
package dev.trader.marketdata;
