package dev.trader.execution.sim.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One 1-minute candle of a replayed symbol, with the fields of Binance's kline: volumes, trade
 * count and taker-buy volumes are what the source file has (Freqtrade files have none of the
 * last three: see {@link CandleFiles}). Only consistent candles can be built.
 */
public record SimBar(String symbol, long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume, BigDecimal quoteVolume, long trades, BigDecimal takerBuyBaseVolume,
                     BigDecimal takerBuyQuoteVolume) {
    public static final long INTERVAL_MS = 60_000;

    public SimBar {
        Objects.requireNonNull(symbol, "symbol");
        if (openTime % INTERVAL_MS != 0) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + " is not aligned to a minute");
        }
        for (BigDecimal p : new BigDecimal[] {open, high, low, close}) {
            if (p == null || p.signum() <= 0) {
                throw new IllegalArgumentException(symbol + " bar at " + openTime + " has a non-positive price");
            }
        }
        if (high.compareTo(open.max(close).max(low)) < 0 || low.compareTo(open.min(close)) > 0) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + " is inconsistent: o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
        for (BigDecimal v : new BigDecimal[] {volume, quoteVolume, takerBuyBaseVolume, takerBuyQuoteVolume}) {
            if (v == null || v.signum() < 0) {
                throw new IllegalArgumentException(symbol + " bar at " + openTime + " has a missing or negative volume");
            }
        }
        if (trades < 0) {
            throw new IllegalArgumentException(symbol + " bar at " + openTime + " has a negative trade count");
        }
    }

    /** Binance's kline close time: the last millisecond of the minute. */
    public long closeTime() {
        return openTime + INTERVAL_MS - 1;
    }

    /** When the bar is over and the market clock stands at the next bar's open. */
    public long endTime() {
        return openTime + INTERVAL_MS;
    }
}
