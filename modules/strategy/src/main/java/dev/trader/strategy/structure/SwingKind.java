package dev.trader.strategy.structure;

/** Whether a swing is a local top ({@link #HIGH}, on the bars' highs) or bottom ({@link #LOW}, on their lows). */
public enum SwingKind {
    HIGH,
    LOW
}
