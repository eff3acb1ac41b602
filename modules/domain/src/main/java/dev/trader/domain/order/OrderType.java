package dev.trader.domain.order;

/** The order types we send. A stop is a stop-market order: it triggers at the stop price. */
public enum OrderType { MARKET, LIMIT, STOP_MARKET }
