/**
 * Strict readers of tick files: tardis.dev quotes and trades CSV exports
 * ({@link dev.trader.marketdata.tick.TardisQuotesReader}, {@link dev.trader.marketdata.tick.TardisTradesReader})
 * and recordings of Binance WebSocket frames ({@link dev.trader.marketdata.tick.BinanceFrameRecording}), into
 * the domain's {@code Quote} and {@code Trade}. Unlike the candle readers, which count a bad row and go on,
 * these refuse a file at its first malformed line (a
 * {@link dev.trader.marketdata.file.MalformedDataFileException} naming file and line): what is measured
 * from them must come from all of the file or none of it.
 */
package dev.trader.marketdata.tick;
