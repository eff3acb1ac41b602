package dev.trader.ml.signal;

import java.util.Optional;

/** Where a strategy gets its model; empty while there is none to decide with (nothing promoted yet). */
@FunctionalInterface
public interface ModelSource {
    Optional<ActiveModel> current();
}
