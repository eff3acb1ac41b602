package dev.trader.execution.binance;

/** Binance spot order types (field {@code type}, and {@code o} of executionReport); any other value is refused. */
public enum BinanceOrderType { LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER }
