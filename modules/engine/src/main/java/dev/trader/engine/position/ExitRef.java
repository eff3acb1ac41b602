package dev.trader.engine.position;

import dev.trader.engine.CborSerializable;
import dev.trader.risk.intrade.ExitKind;

/**
 * An exit order the position placed: the manager's key for it (see
 * {@link dev.trader.risk.intrade.ExitOrder}), its kind and, for a scale-out rung, the rung.
 */
public record ExitRef(String key, ExitKind kind, int rung) implements CborSerializable {
}
