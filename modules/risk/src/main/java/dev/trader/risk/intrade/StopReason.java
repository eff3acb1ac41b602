package dev.trader.risk.intrade;

/** Why the stop moved. */
public enum StopReason { BREAK_EVEN, ATR_TRAIL, SWING_TRAIL }
