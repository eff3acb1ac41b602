/**
 * The rules a row must pass to become a bar: numbers that parse exactly, consistent OHLC,
 * non-negative volume, aligned open time, and strictly increasing open times. A row that
 * fails becomes a {@link dev.trader.marketdata.Rejection} with the first rule it broke;
 * a jump forward in time becomes a {@link dev.trader.marketdata.Gap}.
 */
package dev.trader.marketdata.validation;
