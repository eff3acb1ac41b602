/**
 * Pekko Streams sources over candle files, and the
 * {@link dev.trader.domain.port.MarketDataFeed} adapter the engine consumes.
 */
package dev.trader.marketdata.source;
