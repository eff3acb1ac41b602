package dev.trader.execution.binance;

import java.util.Set;

/** One symbol of exchangeInfo: its trading status, assets, allowed order types and filters. */
public record SymbolInfo(String symbol, String status, String baseAsset, String quoteAsset, Set<String> orderTypes, ExchangeFilters filters) {
}
