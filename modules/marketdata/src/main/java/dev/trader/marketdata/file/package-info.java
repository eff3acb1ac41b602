/**
 * Reading candle files into {@link dev.trader.marketdata.file.RawRow}s: gzip detection by
 * magic bytes, format detection by content, one reader per layout, and instrument/timeframe
 * inference from the usual file names. No value is interpreted here beyond splitting it out
 * of its row; the rules live in {@code validation}.
 */
package dev.trader.marketdata.file;
