package dev.trader.execution.sim.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tradable symbol of the simulator and its Binance filters: PRICE_FILTER (tickSize, minPrice,
 * maxPrice; 0 disables maxPrice), LOT_SIZE (stepSize, minQty, maxQty) and one notional filter,
 * shown and enforced as {@code NOTIONAL} (min and max; maxNotional 0 = no maximum) or as the older
 * {@code MIN_NOTIONAL} (min only), because real symbols carry one or the other and clients must
 * handle both. {@code candleFiles} are the 1m candle sources replayed for it ({@code classpath:/...}
 * or a file path; Freqtrade JSON or Binance kline CSV, gzipped or not); a symbol may have none.
 */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset,
                         BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                         BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty,
                         BigDecimal minNotional, BigDecimal maxNotional, NotionalFilter notionalFilter,
                         List<String> candleFiles) {

    /** How the minimum order value is shown in exchangeInfo and named in a filter failure. */
    public enum NotionalFilter { NOTIONAL, MIN_NOTIONAL }

    /** Binance's precision for base and quote assets: every amount on the wire has at most 8 decimals. */
    public static final int PRECISION = 8;

    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{2,20}");

    public SymbolSpec {
        symbol = name(symbol, "symbol", "?");
        baseAsset = name(baseAsset, "baseAsset", symbol);
        quoteAsset = name(quoteAsset, "quoteAsset", symbol);
        if (baseAsset.equals(quoteAsset)) {
            throw bad(symbol, "baseAsset and quoteAsset must differ (both " + baseAsset + ")");
        }
        positive(symbol, "tickSize", tickSize);
        notNegative(symbol, "minPrice", minPrice);
        notNegative(symbol, "maxPrice", maxPrice);
        if (maxPrice.signum() > 0 && maxPrice.compareTo(minPrice) < 0) {
            throw bad(symbol, "maxPrice " + maxPrice.toPlainString() + " is below minPrice " + minPrice.toPlainString());
        }
        positive(symbol, "stepSize", stepSize);
        notNegative(symbol, "minQty", minQty);
        positive(symbol, "maxQty", maxQty);
        if (maxQty.compareTo(minQty) < 0) {
            throw bad(symbol, "maxQty " + maxQty.toPlainString() + " is below minQty " + minQty.toPlainString());
        }
        notNegative(symbol, "minNotional", minNotional);
        notNegative(symbol, "maxNotional", maxNotional);
        if (maxNotional.signum() > 0 && maxNotional.compareTo(minNotional) < 0) {
            throw bad(symbol, "maxNotional " + maxNotional.toPlainString() + " is below minNotional " + minNotional.toPlainString());
        }
        Objects.requireNonNull(notionalFilter, "symbol " + symbol + ": notionalFilter");
        candleFiles = List.copyOf(Objects.requireNonNull(candleFiles, "symbol " + symbol + ": candleFiles"));
    }

    /** A symbol with Binance-like defaults: minPrice = tickSize, maxPrice 1,000,000, a NOTIONAL filter without maximum, no candles. */
    public static SymbolSpec of(String symbol, String baseAsset, String quoteAsset, String tickSize, String stepSize,
                                String minQty, String maxQty, String minNotional) {
        return new SymbolSpec(symbol, baseAsset, quoteAsset, new BigDecimal(tickSize), new BigDecimal(tickSize),
                new BigDecimal("1000000"), new BigDecimal(stepSize), new BigDecimal(minQty), new BigDecimal(maxQty),
                new BigDecimal(minNotional), BigDecimal.ZERO, NotionalFilter.NOTIONAL, List.of());
    }

    public SymbolSpec withCandles(String... sources) {
        return new SymbolSpec(symbol, baseAsset, quoteAsset, tickSize, minPrice, maxPrice, stepSize, minQty, maxQty,
                minNotional, maxNotional, notionalFilter, List.of(sources));
    }

    public SymbolSpec withNotionalFilter(NotionalFilter filter, BigDecimal max) {
        return new SymbolSpec(symbol, baseAsset, quoteAsset, tickSize, minPrice, maxPrice, stepSize, minQty, maxQty,
                minNotional, max, filter, candleFiles);
    }

    private static String name(String value, String field, String symbol) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw bad(symbol, field + " must be 2-20 upper-case letters or digits but was '" + value + "'");
        }
        return value;
    }

    private static void positive(String symbol, String field, BigDecimal v) {
        notNegative(symbol, field, v);
        if (v.signum() == 0) {
            throw bad(symbol, field + " must be positive but was 0");
        }
    }

    private static void notNegative(String symbol, String field, BigDecimal v) {
        if (v == null) {
            throw bad(symbol, field + " is missing");
        }
        if (v.signum() < 0) {
            throw bad(symbol, field + " must not be negative but was " + v.toPlainString());
        }
        if (v.stripTrailingZeros().scale() > PRECISION) {
            throw bad(symbol, field + " " + v.toPlainString() + " has more than " + PRECISION + " decimals");
        }
    }

    private static IllegalArgumentException bad(String symbol, String what) {
        return new IllegalArgumentException("symbols[" + symbol + "]." + what);
    }
}
