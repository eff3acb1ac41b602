package dev.trader.engine.position;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.engine.CborSerializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The protective stop the account approved with the entry of {@code quantity}, set before the entry is sent:
 * {@code strategy} owns the position (its exit orders go out in its name), {@code decisionTime}
 * is the entry's (the stop rests from the same bar as the entry).
 */
public record Protection(Price stop, Quantity quantity, String strategy, Instant decisionTime) implements CborSerializable {
    public Protection {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(decisionTime, "decisionTime");
    }
}
