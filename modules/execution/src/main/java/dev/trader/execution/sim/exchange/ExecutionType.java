package dev.trader.execution.sim.exchange;

/** The {@code x} of an executionReport: what just happened to the order. */
public enum ExecutionType { NEW, CANCELED, TRADE, EXPIRED, REJECTED }
