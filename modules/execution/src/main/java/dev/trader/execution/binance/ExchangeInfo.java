package dev.trader.execution.binance;

import java.util.List;
import java.util.Map;

/** What {@code GET /api/v3/exchangeInfo} says of the rate limits and of the symbols asked for. */
public record ExchangeInfo(List<RateLimitRule> rateLimits, Map<String, SymbolInfo> symbols) {
}
