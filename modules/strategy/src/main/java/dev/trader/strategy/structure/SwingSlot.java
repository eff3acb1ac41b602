package dev.trader.strategy.structure;

import dev.trader.strategy.state.StateObject;

/** A mutable holder of one swing, as plain fields; empty until {@link #set} (barIndex -1). */
final class SwingSlot extends StateObject {
    private SwingKind kind;
    private SwingLabel label = SwingLabel.NONE;
    private double price = Double.NaN;
    private long barIndex = -1;
    private long timeMs;
    private long confirmedIndex = -1;

    private SwingSlot() {
    }

    SwingSlot(SwingKind kind) {
        this.kind = kind;
    }

    boolean isEmpty() {
        return barIndex < 0;
    }

    void set(Swing swing) {
        kind = swing.kind();
        label = swing.label();
        price = swing.price();
        barIndex = swing.barIndex();
        timeMs = swing.timeMs();
        confirmedIndex = swing.confirmedIndex();
    }

    Swing toSwing() {
        return new Swing(kind, label, price, barIndex, timeMs, confirmedIndex);
    }

    SwingLabel label() {
        return label;
    }

    double price() {
        return price;
    }

    long barIndex() {
        return barIndex;
    }

    long timeMs() {
        return timeMs;
    }

    long confirmedIndex() {
        return confirmedIndex;
    }
}
