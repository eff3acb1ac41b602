package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.util.Objects;

/**
 * One slice of a parent order: {@code quantity} becomes due {@code startBar} bars after the
 * parent's start (0: at the start itself, the close of the bar that decided the parent).
 */
public record Slice(int index, int startBar, Quantity quantity) {
    public Slice {
        Objects.requireNonNull(quantity, "quantity");
        if (index < 0 || startBar < 0) {
            throw new IllegalArgumentException("a slice's index and start bar cannot be negative: " + index + ", " + startBar);
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException("slice " + index + " has no quantity");
        }
    }
}
