package dev.trader.execution.sim.exchange;

/** Binance's time in force: good till canceled, immediate or cancel, fill or kill. */
public enum TimeInForce { GTC, IOC, FOK }
